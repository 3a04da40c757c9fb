import { describe, expect, it } from 'vitest';
import { rocmKernelCacheDirectory } from '../src/index';
import { hipRuntimeCandidates, hiprtcCandidates, rocmSearchFolders } from '../src/library-search';

describe('the HIP library search', () => {
  it('tries ROCM_PATH, HIP_PATH, LD_LIBRARY_PATH, then /opt/rocm', () => {
    const folders = rocmSearchFolders({ ROCM_PATH: '/opt/rocm-6.3.0', HIP_PATH: '/hip', LD_LIBRARY_PATH: '/a:/b' });
    expect(folders.slice(0, 5)).toEqual(['/opt/rocm-6.3.0/lib', '/hip/lib', '/a', '/b', '/opt/rocm/lib']);
  });

  it("ends with the bare names, for the system's loader (Debian's libamdhip64-5 lives in /usr/lib)", () => {
    expect(hipRuntimeCandidates({ LD_LIBRARY_PATH: '/nonexistent' }).slice(-3)).toEqual([
      'libamdhip64.so.6',
      'libamdhip64.so.5',
      'libamdhip64.so',
    ]);
  });

  it('looks for hiprtc of the same release, then in the runtime itself (HIP up to 5.2)', () => {
    expect(hiprtcCandidates('libamdhip64.so.5', 5)).toEqual(['libhiprtc.so.5', 'libhiprtc.so', 'libamdhip64.so.5']);
    // Beside a runtime in a folder only files that exist are tried.
    expect(hiprtcCandidates('/nonexistent/lib/libamdhip64.so.6', 6)).toEqual(['/nonexistent/lib/libamdhip64.so.6']);
  });

  it("keeps code objects in the alpaka-ts cache's rocm folder", () => {
    expect(rocmKernelCacheDirectory({ ALPAKA_TS_CACHE_DIR: '/tmp/k' })).toBe('/tmp/k/rocm');
    expect(rocmKernelCacheDirectory({ ALPAKA_TS_CACHE_DIR: 'off' })).toBeUndefined();
  });
});
