/** Pod seconds as the player shows them: "12.3 s". */
export function formatSeconds(t: number): string {
  return `${t.toFixed(1)} s`;
}

/** A duration as kubectl prints ages: 45s, 2m5s, 1h3m. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 120) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`;
  const hours = Math.floor(s / 3600);
  return `${hours}h${Math.floor((s % 3600) / 60)}m`;
}

/** Text typed into a number field: '' removes the field, a number is a number, anything else stays text (and is reported). */
export function parseNumberInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}
