#!/usr/bin/env node
// alpaka-run: cmsRun and pixeltrack's main in one (cli/ is the only folder that touches process.argv).
export {};
