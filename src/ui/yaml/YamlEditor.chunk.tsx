/**
 * The YAML editor (CodeMirror 6), in its own chunk: it is loaded only when the YAML tab opens.
 * The store's text is the truth; the editor mirrors it with the smallest change, so a canvas edit
 * keeps the cursor, and its own edits go back through replaceSource. CodeMirror keeps its own undo
 * history for typing; the app's Undo (outside the editor) covers every edit, these included.
 * Above it, InferNotice offers to infer the behaviours a pasted pod leaves out, and
 * WorkloadNotice to play the pod of a pasted Deployment, Job or List.
 */
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, linter } from '@codemirror/lint';
import { Annotation, EditorState, Transaction } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';
import { replaceSource } from '../../app/actions';
import { scenarioResultOf } from '../../app/derived';
import { useAppStore } from '../../app/store';
import { issuesToDiagnostics, minimalChange } from './editor-sync';
import { InferNotice } from './InferNotice';
import { WorkloadNotice } from './WorkloadNotice';

/** Marks the editor's transactions that mirror the store, so they are not sent back to it. */
const fromStore = Annotation.define<boolean>();

const scenarioLinter = linter(
  (view) => {
    const result = scenarioResultOf(view.state.doc.toString());
    const warnings = result.ok ? issuesToDiagnostics(view.state.doc, result.warnings, 'warning') : [];
    return [...issuesToDiagnostics(view.state.doc, result.issues), ...warnings];
  },
  { delay: 150 },
);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '0.8rem', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.45' },
  '.cm-gutters': { backgroundColor: '#f3f4f6', color: '#4b5563', borderRight: '1px solid var(--line)' },
  '.cm-lintRange-error': { backgroundColor: '#fee2e2' },
  // Losing focus (say, to the Play button), CodeMirror starts the cursor's blink once more, inline
  // (hence the !important), though it draws no cursor then. While that unseen animation runs, the
  // compositor sorts out the page's layers anew on every frame that changes anything else.
  '&:not(.cm-focused) > .cm-scroller > .cm-cursorLayer': { animation: 'none !important' },
});

const sendToStore = EditorView.updateListener.of((update) => {
  if (!update.docChanged || update.transactions.every((tr) => tr.annotation(fromStore))) return;
  replaceSource(update.state.doc.toString());
});

export default function YamlEditor({ describedBy }: { describedBy?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: useAppStore.getState().scenario.source,
        extensions: [
          basicSetup,
          yaml(),
          scenarioLinter,
          lintGutter(),
          theme,
          EditorView.lineWrapping,
          sendToStore,
          EditorView.contentAttributes.of({ 'aria-label': 'Scenario YAML', ...(describedBy ? { 'aria-describedby': describedBy } : {}) }),
        ],
      }),
    });
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.scenario === previous.scenario) return;
      const change = minimalChange(view.state.doc.toString(), state.scenario.source);
      if (!change) return;
      view.dispatch({ changes: change, annotations: [fromStore.of(true), Transaction.addToHistory.of(false)] });
    });
    return () => {
      unsubscribe();
      view.destroy();
    };
  }, [describedBy]);
  return (
    <>
      <InferNotice />
      <WorkloadNotice />
      <div className="yaml-editor" ref={host} />
    </>
  );
}
