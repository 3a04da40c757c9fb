import { f64, kernel, view } from '@alpaka-ts/interface';
import { TestProductWithPtrSoA } from '../data-formats/test-product-with-ptr';

// testPtrAlgoAsync.dev.cc: once per grid, setPtrInTestProductWithPtr (ptr = &buffer(0), the address the host
// computes, since the kernel language has no address-of); then ptr[i] = 2i + 1. The kernel language has no
// pointers either, so the write goes to buffer[i], which is where ptr[i] is.
export const testPtrAlgoKernel = kernel(
  'testPtrAlgo',
  { v: view(TestProductWithPtrSoA), address: f64 },
  (acc, { v, address }) => {
    if (acc.oncePerGrid()) v.ptr = address;
    for (const i of acc.uniformElements(v.size)) v.buffer[i] = 2 * i + 1;
  },
);
