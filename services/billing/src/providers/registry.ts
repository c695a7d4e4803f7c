import { unprocessable, type Scope } from '@azotte/common';
import type { PaymentProviderAdapter } from './adapter';
import { SandboxProvider } from './sandbox';

/** What the tenant service says about the environment's providers. */
export interface ProviderSetting {
  provider: string;
  enabled: boolean;
}

export type ProviderSettingsSource = (scope: Scope) => Promise<ProviderSetting[]>;

/**
 * Picks the adapter of an environment: the sandbox provider is always on in
 * sandbox environments; production uses the first enabled provider that has
 * an adapter here. None is a 422 `no_payment_provider`.
 */
export class ProviderRegistry {
  private readonly adapters = new Map<string, PaymentProviderAdapter>();

  constructor(
    private readonly settings: ProviderSettingsSource,
    adapters: PaymentProviderAdapter[] = [new SandboxProvider()],
  ) {
    for (const adapter of adapters) this.adapters.set(adapter.name, adapter);
  }

  /** The adapter by name, for charges on a stored token. */
  byName(name: string): PaymentProviderAdapter | undefined {
    return this.adapters.get(name);
  }

  async forEnvironment(scope: Scope): Promise<PaymentProviderAdapter> {
    if (scope.environmentKind === 'sandbox') return this.adapters.get('sandbox')!;
    const enabled = (await this.settings(scope)).filter((s) => s.enabled && this.adapters.has(s.provider));
    if (enabled.length === 0) {
      throw unprocessable(
        'no_payment_provider',
        'No payment provider is enabled in this environment: an administrator must enable one (PUT /payment-providers/{provider}).',
      );
    }
    return this.adapters.get(enabled[0]!.provider)!;
  }
}
