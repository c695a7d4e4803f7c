/**
 * The scope every request of this browser tab acts in: the environment
 * (X-Environment) and, for the platform administrator, the tenant
 * (X-Tenant-Id). Kept in sessionStorage, so each tab keeps its own choice and
 * a reload keeps it. The client reads it for every request; the app's
 * ScopeProvider is the one writer.
 */
const ENVIRONMENT_KEY = 'azotte.environment';
const TENANT_KEY = 'azotte.tenant';

function read(key: string): string | undefined {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: string | undefined): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {
    // Storage refused (private mode): the choice lasts until reload.
  }
}

export interface Scope {
  environment: string;
  tenantId: string | undefined;
}

export const currentScope: Scope = {
  environment: read(ENVIRONMENT_KEY) ?? 'production',
  tenantId: read(TENANT_KEY),
};

export function setEnvironment(name: string): void {
  currentScope.environment = name;
  write(ENVIRONMENT_KEY, name);
}

export function setTenant(tenantId: string | undefined): void {
  currentScope.tenantId = tenantId;
  write(TENANT_KEY, tenantId);
}

/** The first part of every query key: a change of scope is a new cache. */
export const scopeKey = (scope: Scope = currentScope) => `${scope.tenantId ?? 'own'}:${scope.environment}` as const;
