import type { KernelSourceV1, Layout } from '@alpaka-ts/interface';
import {
  type KernelLaunchV1,
  type WebAssemblyMemory,
  type WebAssemblyModule,
  webAssembly,
} from '@alpaka-ts/interface/backend';
import type { BoundsSite } from './bounds/bounds-sites';
import { analyseInRangeAccesses } from './bounds/in-range-accesses';
import { type LaunchRequirement, launchMeetsRequirements } from './bounds/launch-requirements';
import { emitterFor } from './emitter-registry';
import { importValues } from './emitters/webassembly/numeric';
import type { WebAssemblyKernelModule } from './emitters/webassembly/webassembly-emitter';
import { checkKernel } from './front-end/check-kernel';
import type { Expression, KernelIR, KernelParameterIR } from './ir';
import { compiledOnce } from './specialisation';

/**
 * An array argument as a WebAssembly kernel takes it: its first element's byte address in the memory, and its
 * length in elements, which every access is guarded against.
 */
export interface WebAssemblyArrayArgument {
  readonly address: number;
  readonly length: number;
}

/** A view argument: the byte address of its layout's start, and the layout that places its fields. */
export interface WebAssemblyViewArgument {
  readonly address: number;
  readonly layout: Layout;
}

export type WebAssemblyArgument = number | boolean | WebAssemblyArrayArgument | WebAssemblyViewArgument;

/** Where a launch's block-shared memory and check buffer are, as byte addresses in the memory. */
export interface WebAssemblyPlacement {
  /** staticSharedBytes of zeroed memory for the kernel's static shared arrays. */
  readonly sharedAddress: number;
  readonly dynamicSharedAddress: number;
  /** Bytes of dynamic shared memory at dynamicSharedAddress: the extent of acc.dynamicSharedArray. */
  readonly dynamicSharedBytes: number;
  /** The check buffer (two u32), or 0 for a kernel that does not call acc.check. */
  readonly checksAddress: number;
  /** A bounds-checked kernel's bounds record (boundsRecordBytes, zeroed), or 0 without bounds checks. */
  readonly boundsAddress: number;
}

/**
 * Which code a launch ran: `guarded` tests every access (an out-of-range store is dropped, a load reads 0);
 * `unguarded` skips the tests the in-range analysis proved needless for this launch's arguments.
 */
export type WebAssemblyVariant = 'guarded' | 'unguarded';

export interface CompiledWebAssemblyKernel {
  readonly usesChecks: boolean;
  /**
   * What a launch's arguments must meet for the unguarded variant to run (analyseInRangeAccesses), or undefined
   * when the kernel has none: no access proven, or bounds checks on.
   */
  readonly launchRequirements: readonly LaunchRequirement[] | undefined;
  /** The access sites a bounds record's site number names (empty without bounds checks). */
  readonly boundsSites: readonly BoundsSite[];
  /** Bytes of static shared memory a launch must place (WebAssemblyPlacement.sharedAddress). */
  readonly staticSharedBytes: number;
  /**
   * Runs every block of the grid, synchronously, through the unguarded variant when the arguments meet every
   * launch requirement (tested once, here) and the guarded one otherwise; says which ran. Both give the same
   * results whenever the requirements hold, so the choice is invisible but for speed.
   */
  run(
    args: Readonly<Record<string, WebAssemblyArgument>>,
    workDivision: KernelLaunchV1['workDivision'],
    placement: WebAssemblyPlacement,
  ): WebAssemblyVariant;
}

interface CompiledModule {
  readonly module: WebAssemblyModule;
  readonly description: WebAssemblyKernelModule;
}

/** One kernel, dimension, constants and bounds-checking: the guarded module, and what an unguarded one needs. */
interface CompiledEntry {
  readonly guarded: CompiledModule;
  readonly usesChecks: boolean;
  /** Undefined when nothing can be unguarded; the IR stays for the unguarded module, emitted on first use. */
  readonly unguardable:
    | {
        readonly ir: KernelIR;
        readonly accesses: ReadonlySet<Expression>;
        readonly requirements: readonly LaunchRequirement[];
      }
    | undefined;
  unguarded: CompiledModule | undefined;
  readonly instances: WeakMap<WebAssemblyMemory, CompiledWebAssemblyKernel>;
}

const compiled = new WeakMap<KernelSourceV1, Map<string, CompiledEntry>>();

function compileModule(
  ir: KernelIR,
  dimension: number,
  boundsChecks: boolean,
  unguardedAccesses?: ReadonlySet<Expression>,
): CompiledModule {
  // From the registry, like every target's emitter: looked up per module compiled, never per launch.
  const description = emitterFor<WebAssemblyKernelModule>('webassembly').emit(ir, {
    dimension,
    boundsChecks,
    ...(unguardedAccesses ? { unguardedAccesses } : {}),
  });
  return { module: new webAssembly.Module(description.bytes), description };
}

/** Where each field of a view's layout is, in the order the entry takes them (computed once per layout). */
const fieldPlacements = new WeakMap<Layout, ReadonlyMap<string, { offset: number; coefficientStride: number }>>();

function placementsOf(layout: Layout): ReadonlyMap<string, { offset: number; coefficientStride: number }> {
  let placements = fieldPlacements.get(layout);
  if (!placements) {
    placements = new Map(
      layout.fields.map((placed) => [
        placed.field.name,
        { offset: placed.offset, coefficientStride: 'coefficientStride' in placed ? placed.coefficientStride : 0 },
      ]),
    );
    fieldPlacements.set(layout, placements);
  }
  return placements;
}

/** Appends one parameter's entry arguments: a scalar, an address, or a view's addresses, strides and size. */
function pushArgument(values: number[], parameter: KernelParameterIR, argument: WebAssemblyArgument | undefined): void {
  const { type } = parameter;
  if (type.kind === 'scalar') {
    values.push(type.scalar === 'bool' ? (argument ? 1 : 0) : (argument as number));
    return;
  }
  if (typeof argument !== 'object' || argument === null)
    throw new TypeError(`internal error: argument '${parameter.name}' has no address`);
  if (type.kind === 'array') {
    values.push(argument.address, (argument as WebAssemblyArrayArgument).length);
    return;
  }
  if (type.kind !== 'view' || !('layout' in argument))
    throw new TypeError(`internal error: argument '${parameter.name}' is not a view`);
  const placements = placementsOf(argument.layout);
  const placed = type.layout.fields.map((field) => {
    const placement = placements.get(field.name);
    if (!placement) throw new TypeError(`internal error: view '${parameter.name}' has no field '${field.name}'`);
    return placement;
  });
  for (const placement of placed) values.push(argument.address + placement.offset);
  type.layout.fields.forEach((field, index) => {
    if (field.kind === 'matrixColumn') values.push((placed[index] as { coefficientStride: number }).coefficientStride);
  });
  values.push(argument.layout.size);
}

/** The module's entry function, instantiated over `memory`. */
function entryOf(compiledModule: CompiledModule, memory: WebAssemblyMemory): (...values: number[]) => void {
  const imports = importValues(compiledModule.description.imports);
  imports.env = { memory };
  const instance = new webAssembly.Instance(compiledModule.module, imports);
  return instance.exports.kernel as (...values: number[]) => void;
}

function instantiate(entry: CompiledEntry, memory: WebAssemblyMemory, dimension: number): CompiledWebAssemblyKernel {
  const guardedKernel = entryOf(entry.guarded, memory);
  let unguardedKernel: ((...values: number[]) => void) | undefined;
  // Both variants take the same entry arguments (arrays pass their length either way).
  const { parameters, staticSharedBytes } = entry.guarded.description;
  const { unguardable } = entry;
  return {
    usesChecks: entry.usesChecks,
    launchRequirements: unguardable?.requirements,
    boundsSites: entry.guarded.description.boundsSites,
    staticSharedBytes,
    run(args, workDivision, placement) {
      let kernel = guardedKernel;
      let variant: WebAssemblyVariant = 'guarded';
      if (unguardable && launchMeetsRequirements(unguardable.requirements, args)) {
        entry.unguarded ??= compileModule(unguardable.ir, dimension, false, unguardable.accesses);
        unguardedKernel ??= entryOf(entry.unguarded, memory);
        kernel = unguardedKernel;
        variant = 'unguarded';
      }
      const values: number[] = [];
      for (let axis = 0; axis < dimension; axis++) values.push(workDivision.blocksPerGrid[axis] as number);
      for (let axis = 0; axis < dimension; axis++) values.push(workDivision.elementsPerThread[axis] as number);
      values.push(
        placement.sharedAddress,
        placement.dynamicSharedAddress,
        placement.checksAddress,
        placement.dynamicSharedBytes,
        placement.boundsAddress,
      );
      for (const parameter of parameters) pushArgument(values, parameter, args[parameter.name]);
      kernel(...values);
      return variant;
    },
  };
}

/**
 * The kernel as a WebAssembly module for a work-division dimension (and `constants`), compiled once per kernel,
 * dimension, values and bounds-checking, instantiated once per memory. Without bounds checks, a kernel with
 * accesses proven in range (in-range-accesses.ts) also gets an unguarded module, emitted and compiled on the first
 * launch that meets its requirements. Its arrays are addresses in `memory`, a shared
 * WebAssemblyMemory of at most 4 GiB. Throws KernelCompileError for a kernel outside the language.
 */
export function compileWebAssemblyKernel(
  kernel: KernelSourceV1,
  dimension: number,
  constants: Readonly<Record<string, number>> | undefined,
  memory: WebAssemblyMemory,
  boundsChecks = false,
): CompiledWebAssemblyKernel {
  const entry = compiledOnce(compiled, kernel, dimension, constants, boundsChecks, (): CompiledEntry => {
    const ir = checkKernel(kernel, { dimension, constants });
    // The bounds-checked variant tests every access (that is what it is for): nothing is unguarded there.
    const analysis = boundsChecks ? undefined : analyseInRangeAccesses(ir);
    return {
      guarded: compileModule(ir, dimension, boundsChecks),
      usesChecks: ir.usesChecks,
      unguardable: analysis && analysis.accesses.size > 0 ? { ir, ...analysis } : undefined,
      unguarded: undefined,
      instances: new WeakMap<WebAssemblyMemory, CompiledWebAssemblyKernel>(),
    };
  });
  let instance = entry.instances.get(memory);
  if (!instance) {
    instance = instantiate(entry, memory, dimension);
    entry.instances.set(memory, instance);
  }
  return instance;
}
