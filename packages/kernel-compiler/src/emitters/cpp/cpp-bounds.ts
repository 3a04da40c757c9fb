/**
 * What a module with bounds-checked C++ kernels adds after the prelude (only such a module: the source of
 * unchecked modules, and so their cache keys, stay as they were). A violation is recorded with atomics, since
 * every thread of the grid may hit one: the thread whose atomicCAS claims the site word writes the index and
 * extent, every one counts. The backend reads the record after the kernel has finished, so nothing is torn.
 * Indices arrive as uint32_t: an i32 index of -1 is 0xffffffff, out of range as it should be.
 */
export const cppBoundsPrelude = `
// Bounds-checked accesses: the record is [count, first site + 1, its index, its extent].
template <typename T> struct alpaka_identity { typedef T type; };
ALPAKA_DEVICE void alpaka_bounds_violation(uint32_t* record, uint32_t site, uint32_t index, uint32_t extent) {
  if (atomicCAS(&record[1], 0u, site + 1u) == 0u) { record[2] = index; record[3] = extent; }
  atomicAdd(&record[0], 1u);
}
template <typename T>
ALPAKA_DEVICE T alpaka_bounded_load(const T* array, uint32_t index, uint32_t extent, uint32_t site, uint32_t* record) {
  if (index < extent) return array[index];
  alpaka_bounds_violation(record, site, index, extent);
  return T(0);
}
template <typename T>
ALPAKA_DEVICE T alpaka_bounded_store(T* array, uint32_t index, uint32_t extent, uint32_t site, uint32_t* record, typename alpaka_identity<T>::type value) {
  if (index < extent) array[index] = value;
  else alpaka_bounds_violation(record, site, index, extent);
  return value;
}
template <typename T>
ALPAKA_DEVICE T alpaka_bounded_exchange(T* array, uint32_t index, uint32_t extent, uint32_t site, uint32_t* record, typename alpaka_identity<T>::type value) {
  if (index < extent) return alpaka_exchange(array[index], value);
  alpaka_bounds_violation(record, site, index, extent);
  return T(0);
}
template <typename T>
ALPAKA_DEVICE T* alpaka_bounded_address(T* array, uint32_t index, uint32_t extent, uint32_t site, uint32_t* record) {
  if (index < extent) return &array[index];
  alpaka_bounds_violation(record, site, index, extent);
  return nullptr;
}
`;

/** The C++ name of an array's length parameter or local. */
export const lengthName = (arrayName: string): string => `${arrayName}_length`;

/** The record every bounds-checked access writes to: a hidden kernel parameter, passed on to device functions. */
export const boundsRecordName = 'alpaka_bounds';
