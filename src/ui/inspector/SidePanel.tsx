import { lazy, Suspense, useEffect, useState } from 'react';
import { selectPodView, selectResult, selectSelected } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { BreakIt } from './BreakIt';

// Tabs load when they are first opened (the container's with the first screen, just after it).
const ContainerInspector = lazy(() => import('./ContainerInspector.chunk'));
const PodInspector = lazy(() => import('./PodInspector.chunk'));
const ActionList = lazy(() => import('./ActionList.chunk'));
const YamlPanel = lazy(() => import('./YamlPanel.chunk'));

type Tab = 'container' | 'pod' | 'actions' | 'yaml';

/** Break-it on top (always at hand while playing), then the inspector's tabs. */
export function SidePanel() {
  const selected = useAppStore(selectSelected);
  const actionCount = useAppStore((s) => selectPodView(s).actions.length);
  const issueCount = useAppStore((s) => selectResult(s).issues.length);
  const [tab, setTab] = useState<Tab>(selected?.kind === 'container' ? 'container' : 'pod');
  const selectedKey = selected?.kind === 'container' ? `container:${selected.name}` : selected?.kind;
  // Only a new selection switches the tab, not every store change.
  useEffect(() => {
    if (selectedKey) setTab(selectedKey === 'pod' ? 'pod' : 'container');
  }, [selectedKey]);
  const tabs: { id: Tab; label: string }[] = [
    { id: 'container', label: selected?.kind === 'container' ? selected.name : 'Container' },
    { id: 'pod', label: 'Pod' },
    { id: 'actions', label: `Actions (${actionCount})` },
    { id: 'yaml', label: issueCount > 0 ? `YAML ⚠ ${issueCount}` : 'YAML' },
  ];
  return (
    <aside className="side" aria-label="Inspector">
      <BreakIt />
      <div className="tabs" role="tablist" aria-label="Inspector">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={`tab tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'container' &&
          (selected?.kind === 'container' ? (
            <Suspense fallback={<p className="muted">Loading the inspector…</p>}>
              <ContainerInspector name={selected.name} />
            </Suspense>
          ) : (
            <p className="muted">Select a container on the Pod.</p>
          ))}
        {tab === 'pod' && (
          <Suspense fallback={<p className="muted">Loading the pod's settings…</p>}>
            <PodInspector />
          </Suspense>
        )}
        {tab === 'actions' && (
          <Suspense fallback={<p className="muted">Loading the actions…</p>}>
            <ActionList />
          </Suspense>
        )}
        {tab === 'yaml' && (
          <Suspense fallback={<p className="muted">Loading the YAML…</p>}>
            <YamlPanel />
          </Suspense>
        )}
      </div>
    </aside>
  );
}
