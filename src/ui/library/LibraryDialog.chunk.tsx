import { useEffect, useState } from 'react';
import { openLibraryScenario } from '../../app/start-anew';
import { Dialog } from '../shared/Dialog';
import { loadLibraryIndex, loadLibraryScenario, type LibraryEntry } from './library-index';

/** The gallery of curated scenarios: a title and what it teaches; opening one starts it at 0 s. Its own chunk: loaded on first use. */
export default function LibraryDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Library" open={open} onClose={onClose} className="library-dialog">
      <Gallery onOpened={onClose} />
    </Dialog>
  );
}

type Loaded = { state: 'loading' } | { state: 'ready'; entries: LibraryEntry[] } | { state: 'failed'; message: string };

function Gallery({ onOpened }: { onOpened: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [problem, setProblem] = useState('');
  useEffect(() => {
    let live = true;
    loadLibraryIndex().then(
      (entries) => live && setLoaded({ state: 'ready', entries }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: String(error instanceof Error ? error.message : error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const open = async (entry: LibraryEntry) => {
    setProblem('');
    try {
      const result = openLibraryScenario(entry.title, await loadLibraryScenario(entry));
      if (result.ok) onOpened();
      else if ('message' in result) setProblem(result.message);
    } catch (error) {
      setProblem(`Could not load "${entry.title}": ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  if (loaded.state === 'loading') return <p className="muted" role="status">Loading the library…</p>;
  if (loaded.state === 'failed') return <p className="issues" role="alert">The library could not be loaded ({loaded.message}).</p>;
  return (
    <>
      {problem && <p className="issues" role="alert">{problem}</p>}
      <ul className="library-list">
        {loaded.entries.map((entry) => (
          <li key={entry.file} className="library-entry">
            <h3>
              <button type="button" onClick={() => void open(entry)} aria-describedby={`library-${entry.file}`}>
                {entry.title}
              </button>
            </h3>
            <p id={`library-${entry.file}`}>{entry.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
