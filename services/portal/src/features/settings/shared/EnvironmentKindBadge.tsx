import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';

/** An environment's kind as a word (the colour only repeats it): sandbox stands out as the banner does. */
export function EnvironmentKindBadge({ kind }: { kind: Schema<'Environment'>['kind'] }) {
  return <span className={`badge ${kind === 'sandbox' ? 'badge-warn' : 'badge-info'}`}>{t.settings.environments.kinds[kind]}</span>;
}
