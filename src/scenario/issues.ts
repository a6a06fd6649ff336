/** A problem with the user's input: what is wrong and where (a field path, a YAML line). */
export interface ScenarioIssue {
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

export type PathSegment = string | number;

/** `['spec', 'containers', 0, 'name']` → `spec.containers[0].name`; keys with dots or slashes are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Collects issues with structured paths while walking a value. */
export class IssueList {
  readonly items: { path: PathSegment[]; message: string }[] = [];

  add(path: PathSegment[], message: string): void {
    this.items.push({ path, message });
  }

  get length(): number {
    return this.items.length;
  }
}
