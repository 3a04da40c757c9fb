import { describe, expect, it } from 'vitest';
import { cudaKernelCacheDirectory } from '../src/index';
import { nvrtcSearchFolders } from '../src/library-search';

describe('the NVRTC search', () => {
  it('tries CUDA_PATH, then LD_LIBRARY_PATH, then the toolkits', () => {
    const folders = nvrtcSearchFolders({ CUDA_PATH: '/opt/cuda', LD_LIBRARY_PATH: '/a:/b' });
    expect(folders.slice(0, 5)).toEqual([
      '/opt/cuda/lib64',
      '/opt/cuda/targets/x86_64-linux/lib',
      '/opt/cuda/lib',
      '/a',
      '/b',
    ]);
  });
});

describe('the cuda kernel cache', () => {
  it("keeps cubins in the alpaka-ts cache's cuda folder", () => {
    expect(cudaKernelCacheDirectory({ ALPAKA_TS_CACHE_DIR: '/tmp/k' })).toBe('/tmp/k/cuda');
  });
});
