/** The curated scenarios, fetched on demand from public/scenarios (relative: the app may live in a sub-path). */
export interface LibraryEntry {
  file: string;
  title: string;
  summary: string;
}

const BASE = './scenarios/';
let index: Promise<LibraryEntry[]> | undefined;

export function loadLibraryIndex(): Promise<LibraryEntry[]> {
  index ??= fetchText(`${BASE}index.json`)
    .then((text) => readIndex(JSON.parse(text)))
    .catch((error: unknown) => {
      index = undefined;
      throw error;
    });
  return index;
}

export function loadLibraryScenario(entry: LibraryEntry): Promise<string> {
  return fetchText(BASE + encodeURIComponent(entry.file));
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

/** Only well-formed entries; a file name is a plain name, never a path. */
export function readIndex(value: unknown): LibraryEntry[] {
  if (!Array.isArray(value)) throw new Error('the library index is not a list');
  return value.filter(
    (e): e is LibraryEntry =>
      typeof e === 'object' && e !== null &&
      typeof e.file === 'string' && /^[\w.-]+\.ya?ml$/.test(e.file) &&
      typeof e.title === 'string' && typeof e.summary === 'string',
  );
}
