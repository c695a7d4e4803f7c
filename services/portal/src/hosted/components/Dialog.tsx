import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLocalized } from '../i18n';

/**
 * A modal dialog on the native <dialog> element (focus is trapped, Escape
 * closes it, focus returns to what opened it), named by its title. The
 * portal's Dialog is not used: it carries the portal's English texts.
 */
export function Dialog({ open, onClose, title, children, footer }: { open: boolean; onClose: () => void; title: string; children: ReactNode; footer?: ReactNode }) {
  const { t } = useLocalized();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close?.();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="hosted-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <div className="hosted-dialog-body">
          <header className="hosted-dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="hosted-icon-button" aria-label={t.close} onClick={onClose}>
              ×
            </button>
          </header>
          <div className="hosted-dialog-content">{children}</div>
          {footer ? <footer className="hosted-dialog-footer">{footer}</footer> : null}
        </div>
      ) : null}
    </dialog>
  );
}
