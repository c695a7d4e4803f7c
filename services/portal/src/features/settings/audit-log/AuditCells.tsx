import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { userLabel, type User } from '../users/queries';
import { actionLabel, actorPath, actorTypeLabel, isTenantWide, objectPath, objectTypeLabel } from './links';

type Entry = Schema<'AuditEntry'>;
type Environment = Schema<'Environment'>;
const copy = t.settings.audit;

/** Who: a user by name (linked to the users list), an API key, or the system; the id the log holds beneath. */
export function ActorCell({ actor, users }: { actor: Entry['actor']; users: Map<string, User> | undefined }) {
  if (actor.type === 'system') return <span className="muted">{copy.system}</span>;
  const user = actor.type === 'user' ? users?.get(actor.id) : undefined;
  const path = actorPath(actor.type, actor.id);
  const name = user ? userLabel(user) : actorTypeLabel(actor.type);
  // A user of another tenant (the platform administrator acting) is not in the users list: no link.
  const linked = path !== undefined && (user !== undefined || actor.type === 'api_key');
  return (
    <span className="settings-person">
      {linked ? <Link to={path}>{name}</Link> : <span>{name}</span>}
      {/* A named user needs no id on screen; anyone else is known by it. */}
      {user ? null : (
        <code className="muted audit-id" title={actor.id}>
          {actor.id}
        </code>
      )}
    </span>
  );
}

/** What: the action in words, its code a link that narrows the log to it. */
export function ActionCell({ action, filterBy }: { action: string; filterBy: (action: string) => string }) {
  return (
    <span className="settings-person">
      <span className="settings-strong">{actionLabel(action)}</span>
      <Link to={filterBy(action)} className="audit-id mono" aria-label={copy.filterBy(action)} title={copy.filterBy(action)}>
        {action}
      </Link>
    </span>
  );
}

/**
 * Which object: its type and id, linked to its page where the portal has one
 * and the object is reachable from the tab's environment.
 */
export function ObjectCell({ entry, environments, currentEnvironment }: { entry: Entry; environments: Map<string, Environment>; currentEnvironment: string | undefined }) {
  const { type, id } = entry.object;
  const reachable = isTenantWide(type) || entry.environmentId === null || entry.environmentId === currentEnvironment;
  const path = objectPath(type, id);
  const elsewhere = entry.environmentId ? environments.get(entry.environmentId)?.name : undefined;
  return (
    <span className="settings-person">
      <span>{objectTypeLabel(type)}</span>
      {id && path && reachable ? (
        <Link to={path} className="audit-id mono" title={id}>
          {id}
        </Link>
      ) : id ? (
        <code className="muted audit-id" title={elsewhere && path ? `${id} · ${copy.inOtherEnvironment(elsewhere)}` : id}>
          {id}
        </code>
      ) : null}
    </span>
  );
}

/** Where: the environment's name, or tenant-wide (users, API keys have none). */
export function EnvironmentCell({ environmentId, environments }: { environmentId: string | null; environments: Map<string, Environment> }) {
  if (!environmentId) return <span className="muted">{copy.tenantWide}</span>;
  return <>{environments.get(environmentId)?.name ?? <code>{environmentId}</code>}</>;
}
