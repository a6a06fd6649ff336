/**
 * The YAML tab's "Infer behaviours": the scenario text with a behaviour inferred for each container
 * the annotation leaves out, as Import would have written it.
 */
import { parse, parseDocument } from 'yaml';
import { BEHAVIOR_ANNOTATION } from './annotations';
import { appendAnnotationLines } from './append-annotation';
import { editDocument } from './edit-document';
import type { InferredBehavior } from './infer-behavior';
import { inferMissing, inferredEntriesText, writeInferred } from './infer-missing';
import { sharedDocument } from './yaml-source';

export interface InferredEdit {
  source: string;
  inferred: InferredBehavior[];
}

/**
 * Only the annotation's new lines are spliced in when the text allows it (see append-annotation),
 * so pasted text keeps its layout; otherwise the document is edited as a whole, which keeps the
 * comments but not every space. The text comes back as it was (nothing inferred) when every
 * container is described or it is not a well-formed Pod.
 */
export function addInferredBehaviors(source: string): InferredEdit {
  const pod = sharedDocument(source);
  const inferred = pod ? inferMissing(pod) : [];
  if (inferred.length === 0) return { source, inferred };
  const spliced = appendAnnotationLines(source, BEHAVIOR_ANNOTATION, inferredEntriesText(inferred));
  const whole = editDocument(source, (doc) => writeInferred(doc, inferred));
  // The splice reads the text's shape by hand: it is used only when it says what the whole edit says.
  return { source: spliced !== null && meaning(spliced) === meaning(whole) ? spliced : whole, inferred };
}

/** The text as data, the behaviour annotation read as the mapping it holds, so two spellings compare equal. */
function meaning(text: string): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const value = doc.toJS() as { metadata?: { annotations?: Record<string, unknown> } };
  const annotations = value.metadata?.annotations;
  const behavior = annotations?.[BEHAVIOR_ANNOTATION];
  if (typeof behavior === 'string') annotations![BEHAVIOR_ANNOTATION] = parse(behavior);
  return JSON.stringify(value);
}
