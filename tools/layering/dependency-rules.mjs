// DESIGN.md's dependency direction, as data: for each package, the workspace packages its published code
// may depend on. `interface` <- `kernel-compiler` <- `gpu-kit` (what the GPU backends share) <- `backend-*`; `interface` <- `soa-template` <- `portable`;
// `core` depends on `interface` and `portable`, never on a backend (backends are loaded by name);
// `cuda-core` depends on `core` and `backend-cuda`; `test-objects` sits on top.
export const allowedWorkspaceDependencies = {
  '@alpaka-ts/interface': [],
  '@alpaka-ts/kernel-compiler': ['@alpaka-ts/interface'],
  '@alpaka-ts/soa-template': ['@alpaka-ts/interface'],
  '@alpaka-ts/portable': ['@alpaka-ts/interface', '@alpaka-ts/soa-template'],
  '@alpaka-ts/core': ['@alpaka-ts/interface', '@alpaka-ts/portable', '@alpaka-ts/soa-template'],
  '@alpaka-ts/backend-serial': ['@alpaka-ts/interface', '@alpaka-ts/kernel-compiler'],
  '@alpaka-ts/gpu-kit': ['@alpaka-ts/interface', '@alpaka-ts/kernel-compiler'],
  '@alpaka-ts/backend-cuda': ['@alpaka-ts/interface', '@alpaka-ts/kernel-compiler', '@alpaka-ts/gpu-kit'],
  '@alpaka-ts/backend-rocm': ['@alpaka-ts/interface', '@alpaka-ts/kernel-compiler', '@alpaka-ts/gpu-kit'],
  '@alpaka-ts/cuda-core': [
    '@alpaka-ts/interface',
    '@alpaka-ts/core',
    '@alpaka-ts/backend-cuda',
    '@alpaka-ts/portable',
    '@alpaka-ts/soa-template',
  ],
  // CMSSW's IOPool: host products on disk as Apache Arrow, the output module and the source.
  '@alpaka-ts/arrow-io': ['@alpaka-ts/interface', '@alpaka-ts/core', '@alpaka-ts/portable'],
  '@alpaka-ts/test-objects': [
    '@alpaka-ts/arrow-io',
    '@alpaka-ts/interface',
    '@alpaka-ts/core',
    '@alpaka-ts/portable',
    '@alpaka-ts/soa-template',
    '@alpaka-ts/backend-serial',
  ],
};

/** Scopes whose packages are layered: an import of any package in them is checked against the rules. */
export const layeredScopes = ['@alpaka-ts/'];
