import { useId } from 'react';
import { Button, CopyButton, Dialog } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';

const copy = t.developers.secret;

/**
 * A signing secret, shown this once (at creation or rotation) with a Copy
 * button and a warning that it will not be shown again. Closing the dialog
 * drops it: the API never gives it again. After a rotation it says until when
 * the previous secret still signs (`previousExpiresAt`).
 */
export function SecretDialog({ secret, previousExpiresAt, onClose }: { secret: string | undefined; previousExpiresAt?: string; onClose: () => void }) {
  const rotated = previousExpiresAt !== undefined;
  const fieldId = useId();
  const hintId = useId();
  return (
    <Dialog
      open={secret !== undefined}
      onClose={onClose}
      title={rotated ? copy.rotatedTitle : copy.createdTitle}
      footer={
        <Button variant="primary" onClick={onClose}>
          {copy.done}
        </Button>
      }
    >
      {secret ? (
        <>
          <div className="notice notice-warn" role="note">
            <p className="notice-title">{copy.warning}</p>
            {rotated ? <p>{copy.rotatedNote(formatDateTime(previousExpiresAt))}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={fieldId}>{copy.label}</label>
            <div className="wh-secret">
              <textarea
                id={fieldId}
                readOnly
                rows={1}
                value={secret}
                className="mono"
                spellCheck={false}
                aria-describedby={hintId}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton text={secret} label={copy.copy} />
            </div>
            <p id={hintId} className="field-hint">
              {copy.use}
            </p>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
