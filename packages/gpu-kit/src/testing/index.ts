// @alpaka-ts/gpu-kit/testing: one stand-in of a GPU addon for the tests and benchmarks of the backends built on
// the kit, so the launch record is decoded in one place and the launch path is tested for every vendor.
export { type DecodedLaunchRecord, decodeLaunchRecord } from './launch-record-decoder';
export {
  type StandInAddonOptions,
  type StandInGpuAddon,
  type StandInLaunch,
  type StandInMemory,
  standInGpuAddon,
} from './stand-in-addon';
export { h200, mi250x, type StandInDevice } from './stand-in-devices';
