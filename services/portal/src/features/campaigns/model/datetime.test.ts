import { describe, expect, it } from 'vitest';
import { isoToLocal, localToIso } from './datetime';

describe('schedule times', () => {
  it('turn a local datetime-local text into a UTC instant and back', () => {
    const iso = localToIso('2026-03-01T09:30');
    expect(iso).toBe(new Date(2026, 2, 1, 9, 30).toISOString());
    expect(isoToLocal(iso)).toBe('2026-03-01T09:30');
  });

  it('read nothing from an empty or malformed text', () => {
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('tomorrow')).toBeUndefined();
    expect(isoToLocal(null)).toBe('');
  });
});
