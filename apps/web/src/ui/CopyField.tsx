// A secret or link shown once: read-only text, selected on focus, with a Copy button
// and a spoken confirmation. Falls back to "select and copy yourself" without clipboard access.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string;
  /** The input's test id; the button gets `<testId>-copy`. */
  testId: string;
}

export function CopyField({ label, value, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      // Needs a secure context (HTTPS or localhost) and a focused page.
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      inputRef.current?.select();
      setState('failed');
    }
  }

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        <input
          ref={inputRef}
          id={id}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className="copy-field__value"
          aria-describedby={`${id}-status`}
          data-testid={testId}
        />
        <button type="button" className="button" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          {t('copy.copy')}
        </button>
      </div>
      <p id={`${id}-status`} className="field__hint" role="status">
        {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : ''}
      </p>
    </div>
  );
}
