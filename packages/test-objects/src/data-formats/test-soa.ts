import { defineLayout, f64, i16, i32 } from '@alpaka-ts/interface';

// DataFormats/PortableTestObjects/interface/TestSoA.h: declared once here; every package's tests that need
// CMSSW's reference layouts import these instead of writing their own copies.

/** TestSoA: x, y, z (double), id (int32_t), scalar r (double), flags (std::array<short, 4>), m (Matrix<double, 3, 6>). */
export const TestSoA = defineLayout('TestSoA', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'y', elementType: f64 },
  { kind: 'column', name: 'z', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 4 },
  { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 3, columns: 6 },
]);

/** TestSoA2: x2, y2, z2 (double), id2 (int32_t), scalar r2 (double), m2 (Matrix<double, 3, 6>). */
export const TestSoA2 = defineLayout('TestSoA2', [
  { kind: 'column', name: 'x2', elementType: f64 },
  { kind: 'column', name: 'y2', elementType: f64 },
  { kind: 'column', name: 'z2', elementType: f64 },
  { kind: 'column', name: 'id2', elementType: i32 },
  { kind: 'scalar', name: 'r2', elementType: f64 },
  { kind: 'matrixColumn', name: 'm2', elementType: f64, rows: 3, columns: 6 },
]);

/** TestSoA3: x3, y3, z3 (double), id3 (int32_t), scalar r3 (double), m3 (Matrix<double, 3, 6>). */
export const TestSoA3 = defineLayout('TestSoA3', [
  { kind: 'column', name: 'x3', elementType: f64 },
  { kind: 'column', name: 'y3', elementType: f64 },
  { kind: 'column', name: 'z3', elementType: f64 },
  { kind: 'column', name: 'id3', elementType: i32 },
  { kind: 'scalar', name: 'r3', elementType: f64 },
  { kind: 'matrixColumn', name: 'm3', elementType: f64, rows: 3, columns: 6 },
]);
