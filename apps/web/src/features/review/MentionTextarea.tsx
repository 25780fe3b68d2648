// A comment textarea with `@name` autocomplete over the workspace's members: typing `@` and the
// start of a name opens a listbox (ARIA combobox pattern, focus stays in the textarea); ↑/↓ move
// the active option, Enter or Tab inserts `@Name `, Escape closes, a click inserts too.
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { insertMention, matchMembers, mentionQueryAt, type Mentionable } from './mentions';

const LIST_STYLE = { listStyle: 'none', margin: '0.25rem 0', padding: '0.25rem', border: '1px solid currentColor', borderRadius: '4px', maxWidth: '20rem' } as const;
const ACTIVE_STYLE = { outline: '2px solid Highlight', fontWeight: 600 } as const;

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  members: readonly Mentionable[];
  placeholder?: string;
  testId?: string;
  rows?: number;
}

export function MentionTextarea({ label, value, onChange, members, placeholder, testId, rows = 3 }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const mention = mentionQueryAt(value, caret);
  const options = mention ? matchMembers(members, mention.query) : [];
  const open = mention !== null && dismissedAt !== mention.start && members.length > 0;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !ref.current) return;
    ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const track = (el: HTMLTextAreaElement) => {
    setCaret(el.selectionStart ?? el.value.length);
  };

  const choose = (member: Mentionable) => {
    if (!mention) return;
    const next = insertMention(value, mention.start, caret, member.name);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    setActive(0);
    onChange(next.text);
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || !mention) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      setDismissedAt(mention.start);
      return;
    }
    if (options.length === 0) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((activeIndex + 1) % options.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((activeIndex - 1 + options.length) % options.length);
    } else if ((e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) || e.key === 'Tab') {
      e.preventDefault();
      choose(options[activeIndex]!);
    }
  };

  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <div className="mention-input">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        rows={rows}
        value={value}
        placeholder={placeholder}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options.length > 0 ? optionId(activeIndex) : undefined}
        aria-describedby={hintId}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
          setActive(0);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => mention && setDismissedAt(mention.start)}
        onFocus={() => setDismissedAt(null)}
        data-testid={testId}
      />
      <p id={hintId} className="visually-hidden">
        {t('review.mentions.hint')}
      </p>
      <ul id={listId} role="listbox" aria-label={t('review.mentions.listLabel')} className="mention-input__list" hidden={!open} style={LIST_STYLE} data-testid="mention-list">
        {open &&
          options.map((m, i) => (
            <li
              key={m.userId}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'mention-input__option mention-input__option--active' : 'mention-input__option'}
              style={i === activeIndex ? ACTIVE_STYLE : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
              data-testid="mention-option"
              data-user-id={m.userId}
            >
              @{m.name}
            </li>
          ))}
        {open && options.length === 0 && (
          <li role="option" aria-disabled="true" aria-selected={false} className="mention-input__option" data-testid="mention-none">
            {t('review.mentions.none')}
          </li>
        )}
      </ul>
      {open && (
        <p className="visually-hidden" role="status">
          {t('review.mentions.available', { count: options.length })}
        </p>
      )}
    </div>
  );
}
