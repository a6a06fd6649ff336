import { removeAction, seek, setActionField } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { ACTIONS_ANNOTATION } from '../../scenario/annotations';
import { formatPath } from '../../scenario/issues';
import { parseNumberInput } from '../shared/format';
import { actionFields, type ActionField } from './action-fields';
import { actionWords } from './action-words';
import { SelectField, TextField, asText } from './Field';

const issuePathOf = (index: number, key?: string) => formatPath(['metadata', 'annotations', ACTIONS_ANNOTATION, index, ...(key === undefined ? [] : [key])]);

/** The timed acts of the scenario: each can be re-timed, changed, jumped to or removed. Loaded with its tab. */
export default function ActionList() {
  const actions = useAppStore(selectPodView).actions;
  if (actions.length === 0) return <p className="muted">No actions yet. Use “Break it” above while playing or paused.</p>;
  return (
    <ol className="action-list" aria-label="Actions">
      {actions.map((action, index) => {
        const fields = actionFields(action);
        return (
          <li key={index}>
            <TextField
              label="at (s)"
              numeric
              value={asText(action.at)}
              // The action's other problems (an unknown container, a missing key) show here.
              issuePath={issuePathOf(index)}
              issueExcept={fields.map((field) => issuePathOf(index, field.key))}
              onCommit={(text) => setActionField(index, 'at', parseNumberInput(text))}
            />
            <span className="action-what">{actionWords(action)}</span>
            <button type="button" onClick={() => typeof action.at === 'number' && seek(action.at)} aria-label={`Go to action ${index + 1}`}>Go to</button>
            <button type="button" className="danger" onClick={() => removeAction(index)} aria-label={`Remove action ${index + 1}`}>Remove</button>
            {fields.length > 0 && (
              <div className="action-details">
                {fields.map((field) => (
                  <ActionFieldInput key={field.key} field={field} value={action[field.key]} index={index} />
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** One of the action's own settings (see actionFields), under its words. */
function ActionFieldInput({ field, value, index }: { field: ActionField; value: unknown; index: number }) {
  const issuePath = issuePathOf(index, field.key);
  const text = asText(value);
  if (field.kind === 'choice') {
    // A word the list does not offer (typed in the YAML) stays shown as written, its message under it.
    const options = field.options.some((option) => option.value === text) ? field.options : [...field.options, { value: text, label: text }];
    return <SelectField label={field.label} value={text} options={options} issuePath={issuePath} onChange={(chosen) => setActionField(index, field.key, chosen || undefined)} />;
  }
  return (
    <TextField
      label={field.label}
      value={text}
      numeric={field.kind === 'number'}
      hint={field.kind === 'number' ? field.hint : undefined}
      issuePath={issuePath}
      onCommit={(typed) => setActionField(index, field.key, field.kind === 'number' ? parseNumberInput(typed) : typed || undefined)}
    />
  );
}
