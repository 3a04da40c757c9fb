import { serialBackend } from './serial-backend';

export { acc1D, acc2D, acc3D, serialBackend } from './serial-backend';
export { serialLimits } from './serial-limits';
export default serialBackend;
