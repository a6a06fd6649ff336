import { lazy, Suspense } from 'react';
import { selectSwift } from '../../app/selectors';
import { useAppStore } from '../../app/store';

const MomentLines = lazy(() => import('./MomentLines.chunk'));

/**
 * The last moment's events told in plain words (its most telling sentences, see MomentLines), read
 * out by screen readers as they come; not while playing swiftly, when a new moment comes several
 * times a second and the announcements would pile up behind the pod.
 */
export function WhatsHappening() {
  const swift = useAppStore(selectSwift);
  return (
    <div className="happening" aria-live={swift ? 'off' : 'polite'} aria-label="What is happening">
      {/* The box the moment's lines lay out in: their coming and going stays inside it. */}
      <div className="happening-box">
        <Suspense fallback={<div className="happening-body"><div className="happening-lines" /></div>}>
          <MomentLines />
        </Suspense>
      </div>
    </div>
  );
}
