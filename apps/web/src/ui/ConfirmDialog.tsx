// A modal "are you sure?" for destructive actions: focus starts on Cancel, Esc cancels,
// and a refusal from the server is shown inside the dialog, which stays open. Render it
// only while it is needed, so one page never holds two.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocusInside } from './keepFocusInside';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** A failure of the confirmed action, already described. */
  error?: { headline: string; detail?: string } | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, busyLabel, busy, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Give focus back to whatever opened the dialog (when it still exists) once it is gone.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => {
        if (open) onCancel();
      }}
      onKeyDown={(event) => keepFocusInside(event.currentTarget, event)}
      data-testid="confirm-dialog"
    >
      <div className="dialog__form">
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`}>{children}</div>
        {error && (
          <div className="notice notice--error" role="alert" data-testid="confirm-error">
            <p className="notice__title">{error.headline}</p>
            {error.detail && <p className="notice__detail">{error.detail}</p>}
          </div>
        )}
        <footer className="dialog__actions">
          <button ref={cancelRef} type="button" className="button" onClick={() => dialogRef.current?.close()} data-testid="confirm-cancel">
            {t('confirm.cancel')}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm} data-testid="confirm-accept">
            {busy ? busyLabel : confirmLabel}
          </button>
        </footer>
      </div>
    </dialog>
  );
}
