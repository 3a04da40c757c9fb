export { type CudaNativeAddon, expectedAbiVersion, loadNativeAddon, type NativeAddonStatus } from './native-addon';
