import { join } from 'node:path';
import { childrenMatching, existingLibraries } from '@alpaka-ts/gpu-kit';

const nvrtcNames = ['libnvrtc.so', 'libnvrtc.so.13', 'libnvrtc.so.12'];

/**
 * Folders that may hold libnvrtc, in the order tried: CUDA_PATH, LD_LIBRARY_PATH, the CUDA toolkits under
 * /usr/local, and the lib folders of Python's nvidia-cuda-nvrtc wheels (site-packages of system Pythons and
 * virtual environments under /opt).
 */
export function nvrtcSearchFolders(environment: NodeJS.ProcessEnv = process.env): string[] {
  const folders: string[] = [];
  const cudaPath = environment.CUDA_PATH ?? environment.CUDA_HOME;
  if (cudaPath)
    folders.push(join(cudaPath, 'lib64'), join(cudaPath, 'targets', 'x86_64-linux', 'lib'), join(cudaPath, 'lib'));
  for (const folder of (environment.LD_LIBRARY_PATH ?? '').split(':')) if (folder) folders.push(folder);
  for (const toolkit of ['/usr/local/cuda', ...childrenMatching('/usr/local', /^cuda-[0-9.]+$/)]) {
    folders.push(
      ...childrenMatching(join(toolkit, 'targets'), /./).map((target) => join(target, 'lib')),
      join(toolkit, 'lib64'),
    );
  }
  const sitePackages = [
    ...childrenMatching('/usr/local/lib', /^python3/).flatMap((python) => [
      join(python, 'dist-packages'),
      join(python, 'site-packages'),
    ]),
    ...childrenMatching('/usr/lib', /^python3/).map((python) => join(python, 'dist-packages')),
    ...childrenMatching('/opt', /./).flatMap((prefix) =>
      childrenMatching(join(prefix, '.venv', 'lib'), /^python3/).map((python) => join(python, 'site-packages')),
    ),
  ];
  for (const site of sitePackages)
    folders.push(join(site, 'nvidia', 'cuda_nvrtc', 'lib'), join(site, 'nvidia', 'cu13', 'lib'));
  return [...new Set(folders)];
}

/** Existing libnvrtc files, best first. */
export function nvrtcCandidates(environment: NodeJS.ProcessEnv = process.env): string[] {
  return existingLibraries(nvrtcSearchFolders(environment), nvrtcNames);
}
