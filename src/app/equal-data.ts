/** Deep equality of plain data: numbers, strings, arrays and records (what a trace or a node's data holds). */
export function equalData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => equalData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
