/**
 * The body of "What is happening": the last moment's most telling sentences. In a chunk of its
 * own with the plain words it tells (explain-*), which are most of the pane's code; the pane
 * around it (WhatsHappening) is on the first screen at once.
 */
import { useEffect, useMemo, useRef } from 'react';
import { eventCountAt } from '../../app/trace-index';
import { useShown } from '../../app/useStatusAt';
import { tellMoment, type ToldMoment } from './explain-importance';

const NOTHING_YET: ToldMoment = { lines: [], untold: null };

export default function MomentLines() {
  const { trace, t } = useShown(true);
  const count = trace ? eventCountAt(trace, t) : 0;
  const { lines, untold } = useMemo(() => {
    if (!trace || count === 0) return NOTHING_YET;
    const last = trace.events[count - 1]!.t;
    let first = count - 1;
    while (first > 0 && trace.events[first - 1]!.t === last) first--;
    return tellMoment(trace, trace.events.slice(first, count));
  }, [trace, count]);
  // A new moment opens at its first sentence, even if the last one was scrolled to its end. Only
  // a pane the reader scrolled is touched: asking where it stands would cost a layout per moment.
  const body = useRef<HTMLDivElement>(null);
  const scrolled = useRef(false);
  useEffect(() => {
    if (!scrolled.current || !body.current) return;
    scrolled.current = false;
    body.current.scrollTop = 0;
  }, [lines]);
  // The line saying what was left out sits below the scrolling sentences, always in view. Not a
  // sticky line inside them: it would be a compositing layer of its own (the sentences' box is
  // one), and one that comes and goes with the moments makes Chromium sort the page's layers out
  // anew. Screen readers read the copy at the end of the sentences instead.
  return (
    <>
      <div className="happening-body" ref={body} onScroll={(event) => void (scrolled.current = event.currentTarget.scrollTop > 0)}>
        <div className="happening-lines">
          {lines.length === 0 ? <p>Press Play: the pod is about to be created.</p> : lines.map((line, i) => <p key={`${i}:${line}`}>{line}</p>)}
          {untold && <p className="visually-hidden">{untold}</p>}
        </div>
      </div>
      {untold && <p className="happening-untold" aria-hidden="true">{untold}</p>}
    </>
  );
}
