// The module types this package provides, as alpaka-modules.json names them (CMSSW's IOPool plugins).
export { ArrowOutputModule } from './arrow-output-module';
export { ArrowSource } from './arrow-source';
