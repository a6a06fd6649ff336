import * as lzModule from 'lz-string';

/**
 * Share links: the whole scenario text and the playback time in the URL hash, compressed with
 * lz-string as the TypeScript playground does.
 *
 * Hash layout: `#v1&t=12.5&n=<compressed length>&h=<checksum>&d=<data>`. The data comes last so a
 * link cut short by a chat client loses data, not the header, and the declared length tells a
 * truncated link from a corrupt one. lz-string's URI alphabet (A–Z a–z 0–9 + - $) never contains
 * `&` or `=`.
 */

// lz-string is CommonJS: Node exposes it only as `default`, bundlers also as named exports.
const lz: typeof lzModule = (lzModule as { default?: typeof lzModule }).default ?? lzModule;

export const SHARE_FORMAT_VERSION = 1;
/** Largest scenario text a link may carry (characters, decompressed). */
export const MAX_SHARED_SOURCE_CHARS = 200_000;
// Text that does not compress (random non-ASCII) can grow up to ~2.7× in lz-string's URI form.
const MAX_COMPRESSED_CHARS = MAX_SHARED_SOURCE_CHARS * 3;

export interface SharedScenario {
  /** The scenario YAML exactly as the user wrote it. */
  source: string;
  /** Playback time in seconds. */
  t: number;
}

export type ShareLinkErrorKind = 'not-a-share-link' | 'corrupt' | 'truncated' | 'too-large' | 'unsupported-version';

export type ShareLinkResult =
  | { ok: true; scenario: SharedScenario; migratedFrom?: number }
  | { ok: false; kind: ShareLinkErrorKind; message: string };

export type EncodeResult = { ok: true; hash: string } | { ok: false; kind: 'too-large'; message: string };

/**
 * Numbered migrations: `MIGRATIONS[n]` turns a version n payload into version n + 1. A new format
 * version adds one entry here and bumps SHARE_FORMAT_VERSION; old links keep opening.
 */
export const MIGRATIONS: Readonly<Record<number, (payload: SharedScenario) => SharedScenario>> = {};

/** Builds the URL hash (with its leading `#`) for a scenario and a playback time. */
export function encodeShareHash(scenario: SharedScenario): EncodeResult {
  if (scenario.source.length > MAX_SHARED_SOURCE_CHARS) {
    return {
      ok: false,
      kind: 'too-large',
      message: `This scenario is ${formatKb(scenario.source.length)}; a share link holds at most ${formatKb(MAX_SHARED_SOURCE_CHARS)}. Export it as a file instead.`,
    };
  }
  const data = lz.compressToEncodedURIComponent(scenario.source);
  const t = Number.isFinite(scenario.t) && scenario.t > 0 ? roundTime(scenario.t) : 0;
  return { ok: true, hash: `#v${SHARE_FORMAT_VERSION}&t=${t}&n=${data.length}&h=${checksum(scenario.source)}&d=${data}` };
}

/** Whether a hash looks like a Podlab share link at all (so unrelated hashes are left alone). */
export function isShareHash(hash: string): boolean {
  return /^#?v\d+&/.test(hash);
}

/**
 * Reads a share link's hash. Never throws: a corrupt, truncated, too large or unknown-version link
 * gives a message for the user, and the caller keeps the work already on the page.
 */
export function decodeShareHash(hash: string, migrations = MIGRATIONS): ShareLinkResult {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const versionMatch = /^v(\d+)&/.exec(body);
  if (!versionMatch) {
    return fail('not-a-share-link', 'This address does not hold a Podlab scenario.');
  }
  const version = Number(versionMatch[1]);
  if (version > SHARE_FORMAT_VERSION || version < 1) {
    return fail(
      'unsupported-version',
      version > SHARE_FORMAT_VERSION
        ? `This link was made by a newer Podlab (link format v${version}; this version reads up to v${SHARE_FORMAT_VERSION}). Reload the page to get the latest Podlab.`
        : `This link uses an unknown format (v${version}).`,
    );
  }
  const fields = readFields(body.slice(versionMatch[0].length));
  const data = fields.get('d');
  const declaredLength = Number(fields.get('n'));
  if (data === undefined) {
    return fail('truncated', 'This share link is incomplete: the scenario data is missing. Copy the whole link again.');
  }
  if (!Number.isInteger(declaredLength) || !fields.has('h')) {
    return fail('corrupt', 'This share link is damaged: its header is unreadable.');
  }
  if (declaredLength > MAX_COMPRESSED_CHARS || data.length > MAX_COMPRESSED_CHARS) {
    return fail('too-large', `This share link is too large (over ${formatKb(MAX_SHARED_SOURCE_CHARS)} of scenario); it was not opened.`);
  }
  if (data.length < declaredLength) {
    return fail(
      'truncated',
      `This share link is cut short (${data.length} of ${declaredLength} characters of data). Copy the whole link again.`,
    );
  }
  if (data.length > declaredLength || !/^[A-Za-z0-9+\-$]*$/.test(data)) {
    return fail('corrupt', 'This share link is damaged: its data does not match its header.');
  }
  const source = decompress(data);
  if (source === null) {
    return fail('corrupt', 'This share link is damaged: its data cannot be decompressed.');
  }
  if (source.length > MAX_SHARED_SOURCE_CHARS) {
    return fail('too-large', `This share link is too large (over ${formatKb(MAX_SHARED_SOURCE_CHARS)} of scenario); it was not opened.`);
  }
  if (checksum(source) !== fields.get('h')) {
    return fail('corrupt', 'This share link is damaged: its checksum does not match.');
  }
  const t = Number(fields.get('t') ?? '0');
  if (!Number.isFinite(t) || t < 0) {
    return fail('corrupt', `This share link is damaged: the playback time "${fields.get('t')}" is not a time.`);
  }
  const migrated = migrateSharedScenario({ source, t }, version, SHARE_FORMAT_VERSION, migrations);
  if (!migrated) {
    return fail('unsupported-version', `This link uses format v${version}, which this Podlab can no longer read.`);
  }
  return version === SHARE_FORMAT_VERSION ? { ok: true, scenario: migrated } : { ok: true, scenario: migrated, migratedFrom: version };
}

/** Applies the numbered migrations from `from` up to `to`; null when a step is missing. */
export function migrateSharedScenario(
  payload: SharedScenario,
  from: number,
  to: number = SHARE_FORMAT_VERSION,
  migrations: Readonly<Record<number, (payload: SharedScenario) => SharedScenario>> = MIGRATIONS,
): SharedScenario | null {
  let current = payload;
  for (let v = from; v < to; v++) {
    const migrate = migrations[v];
    if (!migrate) return null;
    current = migrate(current);
  }
  return current;
}

function readFields(rest: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of rest.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return fields;
}

function decompress(data: string): string | null {
  try {
    const text = lz.decompressFromEncodedURIComponent(data);
    // An empty text compresses to "Q"; any other data that decompresses to nothing is damaged.
    return typeof text === 'string' && (text !== '' || data === 'Q') ? text : null;
  } catch {
    return null;
  }
}

/** FNV-1a over UTF-16 code units, base 36: catches a damaged link that still decompresses. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function roundTime(t: number): number {
  return Math.round(t * 1000) / 1000;
}

function formatKb(chars: number): string {
  return `${Math.round(chars / 1000)} KB`;
}

function fail(kind: ShareLinkErrorKind, message: string): ShareLinkResult {
  return { ok: false, kind, message };
}
