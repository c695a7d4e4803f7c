import { describe, expect, it } from 'vitest';
import { scopeKey } from '../api';
import { sameScopePrevious } from './useReport';

describe('figures kept in sight while another period loads', () => {
  it('are those of the same environment only', () => {
    const figures = { mrr: 999 };
    expect(sameScopePrevious(figures, { queryKey: [scopeKey(), 'dashboard', { kind: 'preset', preset: '7d' }] })).toBe(figures);
    expect(sameScopePrevious(figures, { queryKey: ['other-tenant:sandbox', 'dashboard'] })).toBeUndefined();
    expect(sameScopePrevious(figures, undefined)).toBeUndefined();
  });
});
