import type { Schema } from '../../../lib/api';
import { Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';

const text = t.customers.request;

/** The conversation, oldest message first; the signed-in person's own messages read "You". */
export function Thread({ messages }: { messages: Schema<'SupportMessage'>[] }) {
  const me = useMe().data;
  const myId = me?.user?.id ?? me?.apiKey?.id;
  if (messages.length === 0) return <p className="muted">{text.noMessages}</p>;
  return (
    <ol className="cus-thread">
      {messages.map((m) => {
        const mine = m.author.id === myId;
        return (
          <li key={m.id} className={['cus-message', mine ? 'cus-message-mine' : ''].join(' ').trim()}>
            <p className="cus-message-meta">
              <span className="cus-message-author">{mine ? text.you : text.author(m.author.type, m.author.id)}</span>
              <span className="muted">
                <Time value={m.createdAt} />
              </span>
            </p>
            {m.body === null ? <p className="muted cus-message-body">{text.erasedMessage}</p> : <p className="cus-message-body">{m.body}</p>}
          </li>
        );
      })}
    </ol>
  );
}
