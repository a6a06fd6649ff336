/**
 * Kubernetes resource quantities ("500m", "1.5", "128Mi", "1G", "2e3") as numbers, for comparing
 * requests with limits. apimachinery: pkg/api/resource/quantity.go (suffixes).
 */
const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?)$/;

/** The quantity's value, or null when it is not a valid quantity. */
export function parseQuantity(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = QUANTITY.exec(value.trim());
  if (!match) return null;
  const [, digits, exponent, suffix] = match;
  const base = Number(digits);
  return exponent ? base * 10 ** Number(exponent.slice(1)) : base * SUFFIX[suffix ?? '']!;
}
