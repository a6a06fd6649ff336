/**
 * Parsing YAML text with the positions kept, so that every problem can name its line.
 * Guards against huge input and alias bombs (the yaml library's maxAliasCount).
 */
import { LineCounter, parseAllDocuments, isNode, isScalar, type Document } from 'yaml';
import type { PathSegment, ScenarioIssue } from './issues';
import { formatPath } from './issues';

/** 1 MiB: far beyond any real Pod manifest, small enough to keep parsing instant. */
export const MAX_SOURCE_BYTES = 1024 * 1024;
const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  value: unknown;
  doc: Document;
  /** Null when the document is one an edit printed (see rememberPrinted): it knows no lines. */
  lines: LineCounter | null;
}

export type YamlResult = { ok: true; parsed: ParsedYaml } | { ok: false; issues: ScenarioIssue[] };

/**
 * Parses exactly one YAML document. With `positions`, the result always knows its lines;
 * without, it may be the document an edit printed, whose nodes point nowhere in the text.
 */
export function parseYaml(text: string, what = 'the scenario', positions = true): YamlResult {
  if (text.length > MAX_SOURCE_BYTES) {
    return fail(`${what} is too large (${Math.round(text.length / 1024)} KiB; the limit is ${MAX_SOURCE_BYTES / 1024} KiB)`);
  }
  const { docs, lines } = parsedStream(text, positions);
  if (!Array.isArray(docs)) return fail(`${what} is empty`);
  const nonEmpty = docs.filter((d) => d.contents !== null || d.errors.length > 0);
  if (nonEmpty.length === 0) return fail(`${what} is empty: paste or write a Pod manifest`);
  const doc = nonEmpty[0]!;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lines?.linePos(e.pos[0]);
        return { path: '', line: pos?.line ?? null, column: pos?.col ?? null, message: `YAML syntax: ${firstLine(e.message)}` };
      }),
    };
  }
  if (nonEmpty.length > 1) {
    const second = nonEmpty[1]!;
    const pos = second.range ? lines?.linePos(second.range[0]) : undefined;
    return {
      ok: false,
      issues: [{ path: '', line: pos?.line ?? null, column: null, message: `${what} must be one YAML document; found ${nonEmpty.length} (separated by ---)` }],
    };
  }
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, parsed: { value, doc, lines } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(/alias/i.test(message) ? `${what} expands too many YAML aliases (a possible alias bomb): ${message}` : `YAML: ${message}`);
  }
}

interface ParsedStream {
  docs: Document.Parsed[];
  lines: LineCounter | null;
}

const streams = new Map<string, ParsedStream>();
/** An edit reads the text before it and the one after, each with its two annotations. */
const STREAMS_KEPT = 8;

/**
 * The documents of a text, parsed once for all who read the same text: the gate, the editor's
 * view of the pod, the next edit. Parsing is most of an edit's cost on a large pod, and each
 * edit used to parse the same text three times. What this returns is shared: read it, never
 * change it (an edit changes a clone).
 */
function parsedStream(text: string, positions = false): ParsedStream {
  const kept = streams.get(text);
  if (kept && (kept.lines || !positions)) {
    streams.delete(text);
    streams.set(text, kept);
    return kept;
  }
  const lines = new LineCounter();
  const stream = { docs: parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }), lines };
  streams.set(text, stream);
  if (streams.size > STREAMS_KEPT) streams.delete(streams.keys().next().value!);
  return stream;
}

/**
 * Keeps the document an edit changed and printed as the parse of what it printed, so the gate
 * reads the edited text without parsing it again (half of an edit's cost on a large pod). Its
 * nodes keep the ranges of the text before the edit, so it knows no lines: a reader that needs
 * them (the gate, when it has a problem to point at) parses the text afresh. Only a document
 * without errors is kept; it is the caller's no longer.
 */
export function rememberPrinted(text: string, doc: Document.Parsed): void {
  if (doc.errors.length > 0) return;
  streams.delete(text);
  streams.set(text, { docs: [doc], lines: null });
  if (streams.size > STREAMS_KEPT) streams.delete(streams.keys().next().value!);
}

/** Forgets every parse kept, so a test can compare a printed document with a fresh parse. */
export function forgetParses(): void {
  streams.clear();
}

/**
 * The document `parseDocument(text)` would return, when it would return one without errors
 * (exactly one document in the text), from the shared parse; otherwise null. Shared: never
 * change it (see takeDocument). Its values are the text's, its node ranges may not be (see
 * rememberPrinted).
 */
export function sharedDocument(text: string): Document.Parsed | null {
  const { docs } = parsedStream(text);
  return docs.length === 1 && docs[0]!.errors.length === 0 ? docs[0]! : null;
}

/**
 * Like sharedDocument, but the caller gets the document to change: it is no longer shared, and
 * the text will be parsed again if it is read again. Cheaper than a clone, which costs half a
 * parse, and an edit changes the text anyway.
 */
export function takeDocument(text: string): Document.Parsed | null {
  const kept = streams.get(text);
  if (!kept) return null;
  streams.delete(text);
  return kept.docs.length === 1 && kept.docs[0]!.errors.length === 0 ? kept.docs[0]! : null;
}

function fail(message: string): YamlResult {
  return { ok: false, issues: [{ path: '', line: null, column: null, message }] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The line and column of the deepest existing node along `path` (1-based), or nulls. */
export function locate(parsed: ParsedYaml, path: readonly PathSegment[]): { line: number | null; column: number | null } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? parsed.doc.contents : parsed.doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range && parsed.lines) {
      const pos = parsed.lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: null, column: null };
}

/** Where line `innerLine` of a string value at `path` lands in the outer document. */
export function locateInside(parsed: ParsedYaml, path: readonly PathSegment[], innerLine: number | null): number | null {
  const node = parsed.doc.getIn(path, true);
  if (!isScalar(node) || !node.range || !parsed.lines) return locate(parsed, path).line;
  const start = parsed.lines.linePos(node.range[0]).line;
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  if (!block || innerLine === null) return start;
  return start + innerLine;
}

export function issueAt(parsed: ParsedYaml, path: readonly PathSegment[], message: string): ScenarioIssue {
  return { path: formatPath(path), ...locate(parsed, path), message };
}
