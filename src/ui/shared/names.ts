/** Names shown before the rest are counted ("a, b, c and 4 more"). */
const NAMED = 3;

/** "a", "a and b", "a, b and c", "a, b, c and 4 more". */
export function namesOf(names: string[]): string {
  if (names.length > NAMED + 1) return `${names.slice(0, NAMED).join(', ')} and ${names.length - NAMED} more`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
