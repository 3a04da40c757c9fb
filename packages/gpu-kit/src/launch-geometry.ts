import type { WorkDivisionV1 } from '@alpaka-ts/interface/backend';

/** A work division as cuLaunchKernel and hipModuleLaunchKernel take it: x, y, z (alpaka's vectors are slowest first). */
export interface LaunchGeometry {
  readonly dimension: number;
  readonly oneElementPerThread: boolean;
  readonly empty: boolean;
  readonly gridX: number;
  readonly gridY: number;
  readonly gridZ: number;
  readonly blockX: number;
  readonly blockY: number;
  readonly blockZ: number;
}

/** The x (0), y (1) or z (2) component of an alpaka-order vector, whose last component is x. */
const component = (vector: readonly number[], which: number): number =>
  which < vector.length ? (vector[vector.length - 1 - which] ?? 1) : 1;

// Work divisions are immutable: each is translated once, not per launch.
const geometries = new WeakMap<WorkDivisionV1, LaunchGeometry>();

let lastWorkDivision: WorkDivisionV1 | undefined;
let lastGeometry: LaunchGeometry | undefined;

export function geometryOf(workDivision: WorkDivisionV1): LaunchGeometry {
  if (workDivision === lastWorkDivision && lastGeometry) return lastGeometry;
  let geometry = geometries.get(workDivision);
  if (!geometry) {
    const { blocksPerGrid: grid, threadsPerBlock: block } = workDivision;
    const gridX = component(grid, 0);
    const gridY = component(grid, 1);
    const gridZ = component(grid, 2);
    geometry = {
      dimension: grid.length,
      oneElementPerThread: workDivision.elementsPerThread.every((elements) => elements === 1),
      empty: gridX * gridY * gridZ === 0,
      gridX,
      gridY,
      gridZ,
      blockX: component(block, 0),
      blockY: component(block, 1),
      blockZ: component(block, 2),
    };
    geometries.set(workDivision, geometry);
  }
  lastWorkDivision = workDivision;
  lastGeometry = geometry;
  return geometry;
}
