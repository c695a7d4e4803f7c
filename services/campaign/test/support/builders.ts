import type { campaignV1 } from '@azotte/proto';
import type { CampaignRow } from '../../src/store/campaigns';

let sequence = 0;

/** A stored campaign row for the pure rules: active, unlimited, no schedule, 25 % off, unless told otherwise. */
export function aCampaignRow(overrides: Partial<CampaignRow> = {}): CampaignRow {
  sequence += 1;
  return {
    id: `cmp_01JDQ4ZC3Y6Q8G5T6W9N2K${String(sequence).padStart(4, '0')}`,
    tenant_id: 'ten_1',
    environment_id: 'env_1',
    name: 'Spring sale',
    status: 'active',
    starts_at: null,
    ends_at: null,
    offer: { type: 'percent_off', percentOff: '25' },
    targeting: null,
    variants: [],
    has_codes: false,
    max_redemptions: null,
    redemptions: 0,
    created_at: new Date('2026-01-01T00:00:00Z'),
    updated_at: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** A CreateCampaignRequest: a 25 % discount for everyone, unless told otherwise. */
export function aCampaign(overrides: Partial<campaignV1.CreateCampaignRequest> = {}): campaignV1.CreateCampaignRequest {
  return {
    name: 'Spring sale',
    offer: { type: 'percent_off', percentOff: '25' },
    codes: [],
    variants: [],
    ...overrides,
  };
}
