import { InvalidArgumentError, type TypedArray } from '@alpaka-ts/interface';
import {
  type ArrayArgumentV1,
  hostHeap,
  hostStart,
  type KernelLaunchV1,
  type QueueV1,
  type ViewArgumentV1,
} from '@alpaka-ts/interface/backend';
import {
  boundsRecordBytes,
  boundsRecordWords,
  compileJavaScriptKernel,
  compileWebAssemblyKernel,
  constantsOf,
  type JavaScriptView,
  javaScriptView,
  type WebAssemblyArgument,
  type WebAssemblyVariant,
} from '@alpaka-ts/kernel-compiler';
import { cpuEmitterChoice } from './cpu-emitter-choice';
import { runNamingKernel, throwOnBoundsViolation } from './kernel-failure';

function hostBytes(argument: ArrayArgumentV1 | ViewArgumentV1, kernelName: string, parameter: string): ArrayBufferLike {
  const arrayBuffer = argument.memory.hostArrayBuffer;
  if (!arrayBuffer) {
    throw new InvalidArgumentError(
      `kernel '${kernelName}', argument '${parameter}': serial_sync reads only host memory, and this buffer is on ${argument.memory.device.name}.`,
    );
  }
  return arrayBuffer;
}

// Prepared view arguments are cached by the interface per view, so their typed arrays are built once.
const views = new WeakMap<ViewArgumentV1, JavaScriptView>();

function hostView(argument: ViewArgumentV1, kernelName: string, parameter: string): JavaScriptView {
  let view = views.get(argument);
  if (!view) {
    view = javaScriptView(hostBytes(argument, kernelName, parameter), hostStart(argument), argument.layout);
    views.set(argument, view);
  }
  return view;
}

function hostArray(argument: ArrayArgumentV1, kernelName: string, parameter: string): TypedArray {
  const arrayBuffer = hostBytes(argument, kernelName, parameter);
  return new argument.elementType.arrayConstructor(arrayBuffer, hostStart(argument), argument.length);
}

/** Whether every array, view and the check buffer of the launch live in the host heap, where WebAssembly reaches. */
function allInHeap(launch: KernelLaunchV1): boolean {
  const heap = hostHeap();
  for (const argument of Object.values(launch.arguments)) {
    if (typeof argument !== 'number' && !heap.owns(argument.memory.hostArrayBuffer)) return false;
  }
  return !launch.checkBuffer || heap.owns(launch.checkBuffer.memory.hostArrayBuffer);
}

function checkBufferNeeded(kernelName: string): never {
  throw new InvalidArgumentError(
    `kernel '${kernelName}' calls acc.check; pass a check buffer: queue.exec(…, { checkBuffer }).`,
  );
}

/** Launches enqueued as WebAssembly and not yet run. */
const inFlight = new Set<KernelLaunchV1>();

/**
 * Runs the kernel as WebAssembly over the host heap: arrays pass as address and length, views as addresses and
 * their layout; block-shared memory (and a bounds-checked launch's bounds record) is borrowed from the heap for
 * the launch, zeroed.
 */
function prepareWebAssembly(launch: KernelLaunchV1, constants: Record<string, number> | undefined): () => void {
  const { kernel, workDivision, boundsChecks } = launch;
  const heap = hostHeap();
  const compiled = compileWebAssemblyKernel(
    kernel,
    workDivision.blocksPerGrid.length,
    constants,
    heap.memory,
    boundsChecks,
  );
  if (compiled.usesChecks && !launch.checkBuffer) checkBufferNeeded(kernel.name);
  const args: Record<string, WebAssemblyArgument> = {};
  for (const [name, argument] of Object.entries(launch.arguments)) {
    args[name] =
      typeof argument === 'number'
        ? argument
        : argument.kind === 'view'
          ? { address: hostStart(argument), layout: argument.layout }
          : { address: hostStart(argument), length: argument.length };
  }
  const checksAddress = launch.checkBuffer ? hostStart(launch.checkBuffer) : 0;
  const staticBytes = compiled.staticSharedBytes;
  const dynamicBytes = launch.dynamicSharedMemoryBytes;
  // The bounds record goes after the shared memory, 16-byte aligned as the shared arrays are.
  const boundsOffset = Math.ceil((staticBytes + dynamicBytes) / 16) * 16;
  const borrowedBytes = boundsChecks ? boundsOffset + boundsRecordBytes : staticBytes + dynamicBytes;
  // A WebAssembly launch passes addresses, which hold nothing: until it has run, the launch is kept here, and with
  // it the memory objects whose collection would return their ranges to the heap for new allocations to reuse.
  inFlight.add(launch);
  return () => {
    inFlight.delete(launch);
    const run = (sharedAddress: number) => {
      const boundsAddress = boundsChecks ? sharedAddress + boundsOffset : 0;
      const variant = runNamingKernel(kernel.name, () =>
        compiled.run(args, workDivision, {
          sharedAddress,
          dynamicSharedAddress: sharedAddress + staticBytes,
          dynamicSharedBytes: dynamicBytes,
          checksAddress,
          boundsAddress,
        }),
      );
      variantCounts[variant] += 1;
      if (boundsChecks)
        throwOnBoundsViolation(
          kernel.name,
          new Uint32Array(heap.memory.buffer, boundsAddress, boundsRecordWords),
          compiled.boundsSites,
        );
    };
    if (borrowedBytes === 0) run(0);
    else if (!heap.borrow(borrowedBytes, run))
      throw new InvalidArgumentError(
        `kernel '${kernel.name}': the host heap cannot lend ${borrowedBytes} bytes of block-shared memory.`,
      );
  };
}

function prepareJavaScript(launch: KernelLaunchV1, constants: Record<string, number> | undefined): () => void {
  const { kernel, workDivision, boundsChecks } = launch;
  const compiled = compileJavaScriptKernel(kernel, workDivision.blocksPerGrid.length, constants, boundsChecks);
  if (compiled.usesChecks && !launch.checkBuffer) checkBufferNeeded(kernel.name);
  const args: Record<string, number | TypedArray | JavaScriptView> = {};
  for (const [name, argument] of Object.entries(launch.arguments)) {
    args[name] =
      typeof argument === 'number'
        ? argument
        : argument.kind === 'view'
          ? hostView(argument, kernel.name, name)
          : hostArray(argument, kernel.name, name);
  }
  const checks = launch.checkBuffer
    ? (hostArray(launch.checkBuffer, kernel.name, 'checkBuffer') as Uint32Array)
    : undefined;
  return () => {
    const bounds = boundsChecks ? new Uint32Array(boundsRecordWords) : undefined;
    runNamingKernel(kernel.name, () =>
      compiled.run(args, workDivision, new ArrayBuffer(launch.dynamicSharedMemoryBytes), checks, bounds),
    );
    if (bounds) throwOnBoundsViolation(kernel.name, bounds, compiled.boundsSites);
  };
}

const launchCounts = { webassembly: 0, javascript: 0 };

/**
 * How many launches of this process ran as WebAssembly and how many as JavaScript: a kernel that is slower than
 * expected may have run as JavaScript because one of its buffers is not in the host heap (createView over an array
 * of your own, for instance).
 */
export const cpuLaunchCounts = (): Readonly<typeof launchCounts> => ({ ...launchCounts });

const variantCounts: Record<WebAssemblyVariant, number> = { guarded: 0, unguarded: 0 };

/**
 * How many WebAssembly launches of this process ran each variant of their kernel: `unguarded` without the
 * per-access tests the compiler proved needless for the launch's arguments (n within every array's length, say),
 * `guarded` testing each access (a launch whose n exceeds a length, a kernel whose indices are computed). A
 * memory-bound kernel runs up to a third slower guarded. Counted when the launch runs.
 */
export const webAssemblyVariantCounts = (): Readonly<Record<WebAssemblyVariant, number>> => ({ ...variantCounts });

/**
 * Compiles the kernel for the launch's dimension (once per kernel and dimension; a kernel outside the language
 * fails here, before anything is enqueued) and returns one run of it over every block of the grid: as
 * WebAssembly when its memory is all in the host heap (host buffers are, up to 4 GiB), as JavaScript otherwise
 * or when ALPAKA_TS_CPU_EMITTER=javascript asks for it. Both give the same results. The launch's memory must be
 * host-readable: serial_sync's own buffers, or what a test backend such as the mock accelerator lends its runner.
 */
export function prepareCompiledLaunch(launch: KernelLaunchV1): () => void {
  const constants = constantsOf(launch.kernel, launch.arguments);
  if (cpuEmitterChoice() === 'webassembly' && allInHeap(launch)) {
    // Counted when prepared: a launch that fails when it runs (a bounds violation) still ran there.
    launchCounts.webassembly += 1;
    return prepareWebAssembly(launch, constants);
  }
  launchCounts.javascript += 1;
  return prepareJavaScript(launch, constants);
}

/** serial_sync's launch: the prepared run, enqueued into the (blocking) host queue. */
export function launchCompiled(queue: QueueV1, launch: KernelLaunchV1): void {
  queue.enqueueHostTask(prepareCompiledLaunch(launch));
}
