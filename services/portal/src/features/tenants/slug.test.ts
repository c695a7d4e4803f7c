import { describe, expect, it } from 'vitest';
import { SLUG, slugOf } from './slug';

describe('slugOf', () => {
  it('proposes a slug the API accepts from a name', () => {
    expect(slugOf('Streamly')).toBe('streamly');
    expect(slugOf('Café Müller GmbH')).toBe('cafe-muller-gmbh');
    expect(slugOf('  ACME, Inc. — EU  ')).toBe('acme-inc-eu');
    expect(SLUG.test(slugOf('Café Müller GmbH'))).toBe(true);
  });

  it('keeps within 63 characters and never ends on a dash', () => {
    const slug = slugOf(`${'a'.repeat(62)} b`);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('proposes nothing from nothing', () => {
    expect(slugOf('!!!')).toBe('');
  });
});
