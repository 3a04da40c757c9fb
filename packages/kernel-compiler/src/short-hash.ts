/** FNV-1a, 32 bits, as 8 hex digits: a short, stable name suffix (not a cache key; see kernelCacheKey). */
export function shortHash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(16).padStart(8, '0');
}
