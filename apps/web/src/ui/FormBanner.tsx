// The error banner at the top of a form: a translated headline, the server's detail,
// and field errors the form has no place for. Focusable, so a failed submit can move focus here.
import type { FieldError } from '@glossa/contracts';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface BannerMessage {
  headline: string;
  detail?: string;
}

interface Props {
  message: BannerMessage;
  unplaced?: readonly FieldError[];
  testId: string;
  /** The server's error code, exposed for tests and styling. */
  code?: string;
  bannerRef?: Ref<HTMLDivElement>;
}

export function FormBanner({ message, unplaced = [], testId, code, bannerRef }: Props) {
  const { t } = useTranslation();
  return (
    <div ref={bannerRef} className="notice notice--error" role="alert" tabIndex={-1} data-testid={testId} data-code={code}>
      <p className="notice__title">{message.headline}</p>
      {message.detail && <p className="notice__detail">{message.detail}</p>}
      {unplaced.length > 0 && (
        <>
          <p>{t('form.otherFields')}</p>
          <ul>
            {unplaced.map((field, index) => (
              <li key={`${field.path}-${index}`}>
                <code>{field.path}</code> {field.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
