import type { EnvironmentKind } from '@azotte/common';

/**
 * The payment providers Azotte knows, in one place: adding `stripe` or `adyen`
 * is a new entry here (and an adapter in billing).
 */
export interface ProviderSpec {
  name: string;
  /** Environments of these kinds have it enabled whatever is stored. */
  alwaysOnIn: readonly EnvironmentKind[];
  /** False for a provider that works without credentials (the built-in sandbox). */
  needsCredentials: boolean;
}

export const PAYMENT_PROVIDERS: readonly ProviderSpec[] = [
  // Simulates the sandbox cards of API.md; always on in sandbox environments, opt-in in production.
  { name: 'sandbox', alwaysOnIn: ['sandbox'], needsCredentials: false },
];

export function findProvider(name: string): ProviderSpec | undefined {
  return PAYMENT_PROVIDERS.find((p) => p.name === name);
}

/** What is stored for a provider in one environment, without its secret. */
export interface ProviderSettings {
  enabled: boolean;
  hasCredentials: boolean;
  details: Record<string, unknown>;
}

/** How a provider stands in an environment of `kind`, as callers see it (never with credentials). */
export function providerState(
  spec: ProviderSpec,
  kind: EnvironmentKind,
  settings: ProviderSettings | undefined,
): { provider: string; enabled: boolean; configured: boolean; details: Record<string, unknown> } {
  return {
    provider: spec.name,
    enabled: spec.alwaysOnIn.includes(kind) || (settings?.enabled ?? false),
    configured: !spec.needsCredentials || (settings?.hasCredentials ?? false),
    details: { ...(settings?.details ?? {}) },
  };
}

/** The associated data that binds sealed credentials to their row (domain/secrets.ts). */
export const credentialsContext = (tenantId: string, environmentId: string, provider: string) =>
  `payment_provider/${tenantId}/${environmentId}/${provider}`;
