// One labelled text input with its hint and its error right below it, wired for
// assistive technology (aria-invalid, aria-describedby).
import { useId, type ReactNode, type Ref } from 'react';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  type?: 'text' | 'email' | 'password';
  name?: string;
  autoComplete?: string;
  hint?: ReactNode;
  /** Shown under the field; its presence marks the field invalid. */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
  maxLength?: number;
}

export function TextField({ label, value, onChange, testId, type = 'text', name, autoComplete, hint, error, inputRef, required, maxLength }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        name={name}
        value={value}
        autoComplete={autoComplete}
        spellCheck={type === 'text' ? undefined : false}
        autoCapitalize={type === 'text' ? undefined : 'none'}
        required={required}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
