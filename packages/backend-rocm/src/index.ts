export { expectedAbiVersion, loadNativeAddon, type NativeAddonStatus, type RocmNativeAddon } from './native-addon';
