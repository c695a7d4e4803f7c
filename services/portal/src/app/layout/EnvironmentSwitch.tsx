import { useId } from 'react';
import { t } from '../../lib/i18n';
import type { Me } from '../../lib/session';
import { useScope } from '../../lib/scope';

/** The environment every page acts in, always visible; its accessible name is "Environment". */
export function EnvironmentSwitch({ me }: { me: Me }) {
  const { setEnvironment } = useScope();
  const id = useId();
  const current = me.environment;
  const options = me.environments.length > 0 ? me.environments : current ? [current] : [];
  return (
    <div className={['environment-switch', current?.kind === 'sandbox' ? 'is-sandbox' : ''].join(' ').trim()}>
      <label htmlFor={id}>{t.app.environment}</label>
      <select id={id} value={current?.name ?? ''} disabled={options.length <= 1} onChange={(e) => setEnvironment(e.target.value)}>
        {options.length === 0 ? <option value="">—</option> : null}
        {options.map((env) => (
          <option key={env.id} value={env.name}>
            {env.kind === 'sandbox' && env.name !== 'sandbox' ? `${env.name} (sandbox)` : env.name}
          </option>
        ))}
      </select>
    </div>
  );
}
