import { useId, useState, type ReactNode } from 'react';
import { useIssue, useWarning } from '../../app/useIssue';

interface FieldProps {
  label: string;
  /** The value as written in the scenario. */
  value: string;
  onCommit: (text: string) => void;
  /** Scenario field path whose validation message shows here. */
  issuePath?: string | null;
  /** Paths under issuePath whose messages show at fields of their own, not here. */
  issueExcept?: readonly string[];
  hint?: string;
  /** 'blur' for fields whose every keystroke would be a different scenario (names). */
  commitOn?: 'change' | 'blur';
  numeric?: boolean;
  /** A text that may hold line breaks (an input would drop them): a textarea. */
  multiline?: boolean;
  disabled?: boolean;
}

/**
 * A text field over the scenario text. While focused it shows what is typed, even if invalid;
 * the scenario keeps the typed text too, and the validation message appears under the field.
 */
export function TextField({ label, value, onCommit, issuePath = null, issueExcept, hint, commitOn = 'change', numeric, multiline, disabled }: FieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const issue = useIssue(issuePath, issueExcept);
  const warning = useWarning(issuePath);
  const id = useId();
  const commit = (text: string) => {
    if (text !== value) onCommit(text);
  };
  const control = {
    id,
    value: draft ?? value,
    disabled,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': issue || warning || hint ? `${id}-note` : undefined,
    onFocus: () => setDraft(value),
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      if (commitOn === 'change') commit(event.target.value);
    },
    onBlur: (event: { target: { value: string } }) => {
      if (commitOn === 'blur') commit(event.target.value);
      setDraft(null);
    },
  };
  return (
    <div className={`field${issue ? ' has-issue' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...control} rows={2} />
      ) : (
        <input
          {...control}
          inputMode={numeric ? 'decimal' : undefined}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && commitOn === 'blur') commit(event.currentTarget.value);
          }}
        />
      )}
      <FieldNote id={`${id}-note`} issue={issue} warning={warning} hint={hint} />
    </div>
  );
}

export function SelectField({ label, value, options, onChange, issuePath = null }: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  issuePath?: string | null;
}) {
  const issue = useIssue(issuePath);
  const id = useId();
  return (
    <div className={`field${issue ? ' has-issue' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={issue ? true : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <FieldNote id={`${id}-note`} issue={issue} />
    </div>
  );
}

export function CheckField({ label, checked, onChange, issuePath = null, disabled }: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  issuePath?: string | null;
  disabled?: boolean;
}) {
  const issue = useIssue(issuePath);
  return (
    <div className={`field field-check${issue ? ' has-issue' : ''}`}>
      <label>
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      <FieldNote issue={issue} />
    </div>
  );
}

function FieldNote({ id, issue, warning, hint }: { id?: string; issue?: string | undefined; warning?: string | undefined; hint?: string | undefined }): ReactNode {
  if (issue) return <span id={id} className="field-issue"><span aria-hidden="true">⚠ </span>{issue}</span>;
  if (warning) return <span id={id} className="field-warning">Warning: {warning}</span>;
  if (hint) return <span id={id} className="field-hint">{hint}</span>;
  return null;
}

/** The scenario value of a field as the text a field shows. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
