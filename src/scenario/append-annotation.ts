/**
 * Appends lines to a block annotation by splicing text, so that every other line of the scenario
 * stays exactly as typed. Printing the whole document again, as the edit-* modules do, would
 * re-indent kubectl's unindented lists and respace comments across the text the user pasted.
 */
import { isMap, isScalar, parseDocument, Scalar, type Node, type YAMLMap } from 'yaml';

/** A literal block header: `|`, with a chomping indicator and a comment at most. */
const LITERAL_HEADER = /^\|[+-]?[ \t]*(#.*)?$/;

/**
 * `source` with `lines` (YAML text, each line ending with a newline) added at the end of the
 * annotation `key`, which is created as a `|` block, under a new `annotations` map if need be.
 * Null when the text does not have the plain block shape this knows (a flow map, a quoted or
 * folded annotation, no metadata map); the caller then edits the document as a whole.
 */
export function appendAnnotationLines(source: string, key: string, lines: string): string | null {
  // A parse of its own: the splice needs every node's place in this very text, which a document
  // shared by the edits need not know.
  const pod = parseDocument(source);
  const metadata = pod.errors.length === 0 ? pod.get('metadata', true) : undefined;
  if (!isBlockMap(metadata, source)) return null;
  const annotations = metadata.get('annotations', true);
  if (annotations === undefined) {
    const indent = columnOf(metadata, source);
    return insertAfter(source, metadata, `${indent}annotations:\n${indent}  ${key}: |\n${indented(lines, `${indent}    `)}`);
  }
  if (!isBlockMap(annotations, source)) return null;
  const pair = annotations.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair) {
    const indent = columnOf(annotations, source);
    return insertAfter(source, annotations, `${indent}${key}: |\n${indented(lines, `${indent}  `)}`);
  }
  const block = pair.value;
  if (!isScalar(block) || block.type !== Scalar.BLOCK_LITERAL || !block.range) return null;
  const [start, end] = block.range;
  const [header, ...content] = source.slice(start, end).split('\n');
  if (!LITERAL_HEADER.test(header!)) return null;
  const firstLine = content.find((line) => line.trim() !== '');
  const indent = firstLine === undefined ? `${columnOf(annotations, source)}  ` : /^ */.exec(firstLine)![0];
  return splice(source, end, indented(lines, indent));
}

function isBlockMap(node: unknown, source: string): node is YAMLMap & { range: [number, number, number] } {
  return isMap(node) && !node.flow && node.range !== undefined && node.items.length > 0 && /^ *$/.test(columnOf(node, source));
}

/** The text between the start of the node's line and the node: its indentation. */
function columnOf(node: Node, source: string): string {
  const start = node.range![0];
  return source.slice(source.lastIndexOf('\n', start - 1) + 1, start);
}

/** Inserts `text` on the lines after the map's last entry. */
function insertAfter(source: string, map: YAMLMap, text: string): string | null {
  const last = map.items.at(-1)!;
  const end = ((last.value ?? last.key) as Node | null)?.range?.[1];
  return end === undefined ? null : splice(source, end, text);
}

/** Inserts at the start of the line `at` is on, or at `at` when it already starts a line. */
function splice(source: string, at: number, text: string): string {
  const lineEnd = at > 0 && source[at - 1] === '\n' ? at - 1 : source.indexOf('\n', at);
  if (lineEnd === -1) return `${source}\n${text}`;
  return source.slice(0, lineEnd + 1) + text + source.slice(lineEnd + 1);
}

function indented(lines: string, indent: string): string {
  return lines.replace(/^(?=.)/gm, indent);
}
