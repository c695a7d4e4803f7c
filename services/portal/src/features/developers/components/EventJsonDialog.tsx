import { useId } from 'react';
import { CopyButton, Dialog, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useEvent } from '../api/queries';

const copy = t.developers.event;

/** An event's JSON exactly as it is delivered (GET /events/{id}), pretty-printed, with a Copy button. */
export function EventJsonDialog({ eventId, onClose }: { eventId: string | undefined; onClose: () => void }) {
  const event = useEvent(eventId);
  const preId = useId();
  return (
    <Dialog open={eventId !== undefined} onClose={onClose} title={event.data ? copy.title(event.data.type) : (eventId ?? '')} size="wide">
      {eventId ? (
        <QueryState query={event}>
          {(data) => {
            const json = JSON.stringify(data, null, 2);
            return (
              <div className="wh-json">
                <div className="wh-json-bar">
                  <code id={preId}>{copy.json(data.id)}</code>
                  <CopyButton text={json} label={copy.copy} />
                </div>
                {/* Focusable, so that the keyboard can scroll a long document. */}
                <pre className="wh-json-pre" tabIndex={0} aria-labelledby={preId}>
                  {json}
                </pre>
              </div>
            );
          }}
        </QueryState>
      ) : null}
    </Dialog>
  );
}
