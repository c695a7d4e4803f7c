import type { Actor, CallContext, EnvironmentKind, Role } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import type { VerifiedToken } from './tokens';
import type { HostedSession } from '../hosted/hosted-session';

export interface PrincipalEnvironment {
  id: string;
  name: string;
  kind: EnvironmentKind;
}

/** Who is calling, as the gateway established it, and the scope the call acts in. */
export interface Principal {
  actor: Actor;
  /** The tenant role that decides access; `platform_admin` only outside any tenant. */
  role: Role | 'platform_admin';
  platformAdmin: boolean;
  tenantId?: string;
  tenantName?: string;
  environment?: PrincipalEnvironment;
  /** A user's choice of environments in its tenant; empty for API keys. */
  environments: PrincipalEnvironment[];
  /** How the caller signed in: an access token, the portal's session cookie, an API key, or a hosted page's secret. */
  credential: 'token' | 'session' | 'api_key' | 'hosted';
  /** A hosted page's session, when `credential` is `hosted`. */
  hosted?: HostedSession;
  /** The access token or session presented (not for API keys): what sign-out revokes. */
  token?: VerifiedToken;
  user?: tenantV1.User;
  apiKey?: tenantV1.ApiKey;
}

/** The call context every gRPC call made on the principal's behalf carries. */
export function contextOf(principal: Principal, requestId?: string): CallContext {
  const { actor, tenantId, environment } = principal;
  return {
    actor,
    tenantId,
    scope: tenantId && environment ? { tenantId, environmentId: environment.id, environmentKind: environment.kind } : undefined,
    requestId,
  };
}
