import { useId } from 'react';
import { Button, CopyButton, Dialog } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { roleLabel } from '../shared/roles';
import type { CreatedApiKey } from './queries';

const copy = t.settings.apiKeys.newKey;

/**
 * The new key, shown this once with a Copy button and a warning that it will
 * not be shown again. Closing the dialog drops it: only its hint remains, in
 * the list.
 */
export function NewKeyDialog({ created, onClose }: { created: CreatedApiKey | undefined; onClose: () => void }) {
  const fieldId = useId();
  return (
    <Dialog
      open={created !== undefined}
      onClose={onClose}
      title={copy.title}
      footer={
        <Button variant="primary" onClick={onClose}>
          {copy.done}
        </Button>
      }
    >
      {created ? (
        <>
          <div className="notice notice-warn" role="note">
            <p className="notice-title">{copy.warning}</p>
          </div>
          <div className="field">
            <label htmlFor={fieldId}>
              {copy.label}: {created.name}
            </label>
            <div className="settings-secret">
              <textarea id={fieldId} readOnly rows={1} value={created.key} className="mono" spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={created.key} label={copy.copy} />
            </div>
            <p className="field-hint">{copy.bound(roleLabel(created.role), created.environment)}</p>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
