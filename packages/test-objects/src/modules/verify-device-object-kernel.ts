import { array, bool, f64, i32, kernel } from '@alpaka-ts/interface';

// verifyDeviceObjectAsync.dev.cc's kernel: one thread compares the object with {6, 14, 15, 52} and writes the
// verdict. The struct's fields come as one-element arrays over its bytes (test-algo/struct-fields.ts).
export const verifyDeviceObjectKernel = kernel(
  'verifyDeviceObject',
  {
    x: array(f64, 'in'),
    y: array(f64, 'in'),
    z: array(f64, 'in'),
    id: array(i32, 'in'),
    succeeded: array(bool, 'out'),
  },
  (acc, { x, y, z, id, succeeded }) => {
    if (acc.oncePerGrid()) {
      succeeded[0] = 0;
      if (x[0] === 6 && y[0] === 14 && z[0] === 15 && id[0] === 52) succeeded[0] = 1;
    }
  },
);
