import { removeAction, seek, setActionField } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { ACTIONS_ANNOTATION } from '../../scenario/annotations';
import { formatPath } from '../../scenario/issues';
import { parseNumberInput } from '../shared/format';
import { actionWords } from './action-words';
import { TextField, asText } from './Field';

/** The timed acts of the scenario: each can be re-timed, jumped to or removed. Loaded with its tab. */
export default function ActionList() {
  const actions = useAppStore(selectPodView).actions;
  if (actions.length === 0) return <p className="muted">No actions yet. Use “Break it” above while playing or paused.</p>;
  return (
    <ol className="action-list" aria-label="Actions">
      {actions.map((action, index) => (
        <li key={index}>
          <TextField
            label="at (s)"
            numeric
            value={asText(action.at)}
            issuePath={formatPath(['metadata', 'annotations', ACTIONS_ANNOTATION, index])}
            onCommit={(text) => setActionField(index, 'at', parseNumberInput(text))}
          />
          <span className="action-what">{actionWords(action)}</span>
          <button type="button" onClick={() => typeof action.at === 'number' && seek(action.at)} aria-label={`Go to action ${index + 1}`}>Go to</button>
          <button type="button" className="danger" onClick={() => removeAction(index)} aria-label={`Remove action ${index + 1}`}>Remove</button>
        </li>
      ))}
    </ol>
  );
}
