import { isDomainError, type DomainError } from '@azotte/common';
import { isCountry, isLocale, isTaxRatePercent, isTimeZone } from '../src/domain/regional';
import { mergeStorefront, sameStorefront, storefrontFromRequest } from '../src/domain/storefront-fields';
import {
  createTenantSchema,
  createUserSchema,
  recordApiCallsSchema,
  storefrontSchema,
  usageMonthSchema,
  validate,
} from '../src/domain/validation';
import type { StorefrontFields } from '../src/store/storefronts';
import { aRegional, aStorefront, aTenant, aUser } from './support/builders';

/** The field errors `validate` throws, as `path: message` lines. */
function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    if (!isDomainError(err)) throw err;
    expect((err as DomainError).kind).toBe('invalid_argument');
    return (err as DomainError).fields.map((f) => `${f.path}: ${f.message}`);
  }
  return [];
}

const storefront = (overrides: Parameters<typeof aStorefront>[0] = {}) =>
  validate(storefrontSchema, storefrontFromRequest(aStorefront(overrides)));

describe('a storefront', () => {
  test('as built by the builder is valid', () => {
    expect(problems(() => storefront())).toEqual([]);
  });

  test('reports every problem at once, with dotted paths', () => {
    expect(
      problems(() =>
        storefront({
          paymentMethods: [],
          regional: aRegional({ countries: [], currencies: ['EUR', 'usd', 'EUR'], defaultCurrency: 'GBP' }),
        }),
      ),
    ).toEqual([
      'paymentMethods: must list at least one payment method',
      'regional.countries: must list at least one country',
      'regional.currencies.1: is not an upper-case ISO 4217 currency code',
      'regional.currencies.2: is listed twice',
      'regional.defaultCurrency: must be one of the currencies',
    ]);
  });

  test('needs branding and regional settings', () => {
    expect(problems(() => storefront({ branding: undefined, regional: undefined }))).toEqual([
      'branding: is required',
      'regional: is required',
    ]);
  });

  test('treats an empty optional string as absent', () => {
    const fields = storefront({ branding: { theme: 'dark', logoUrl: '', primaryColor: '' } });
    expect(fields.branding).toEqual({ theme: 'dark' });
  });

  test.each([
    ['https://cdn.example.com/a.png', true],
    ['http://example.com/logo.svg', true],
    ['javascript:alert(1)', false],
    ['//example.com/logo.png', false],
  ])('logo URL %s valid: %s', (logoUrl, valid) => {
    expect(problems(() => storefront({ branding: { theme: 'light', logoUrl } })).length === 0).toBe(valid);
  });
});

describe('regional rules', () => {
  test.each([
    ['DE', true],
    ['GB', true],
    ['XK', true],
    ['de', false],
    ['UK', false],
    ['EU', false],
    ['ZZ', false],
    ['XX', false],
    ['DEU', false],
  ])('country %s valid: %s', (code, valid) => expect(isCountry(code)).toBe(valid));

  test.each([
    ['de-DE', true],
    ['en', true],
    ['zh-Hant-TW', true],
    ['de_DE', false],
    ['', false],
  ])('locale %s valid: %s', (tag, valid) => expect(isLocale(tag)).toBe(valid));

  test.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Europe/Atlantis', false],
    ['', false],
  ])('time zone %s valid: %s', (zone, valid) => expect(isTimeZone(zone)).toBe(valid));

  test.each([
    ['0', true],
    ['19', true],
    ['7.5', true],
    ['100', true],
    ['100.0000', true],
    ['12.3456', true],
    ['12.34567', false],
    ['100.01', false],
    ['-1', false],
    ['1e2', false],
    ['', false],
  ])('tax rate %s valid: %s', (rate, valid) => expect(isTaxRatePercent(rate)).toBe(valid));
});

describe('merging a storefront update', () => {
  const stored: StorefrontFields = storefront({
    branding: { theme: 'light', logoUrl: 'https://cdn.example.com/a.png', primaryColor: '#000000' },
  });

  test('keeps what the update does not name', () => {
    const merged = mergeStorefront(stored, { id: 'sf_1', paymentMethods: [], replacePaymentMethods: false });
    expect(sameStorefront(validate(storefrontSchema, merged), stored)).toBe(true);
  });

  test('merges branding and regional one level deep; an empty optional string removes it', () => {
    const merged = validate(
      storefrontSchema,
      mergeStorefront(stored, {
        id: 'sf_1',
        branding: { theme: '', primaryColor: '', logoUrl: undefined },
        regional: { countries: [], currencies: [], defaultCurrency: '', locale: 'de-AT', timezone: '', taxBehavior: '', taxRatePercent: '' },
        paymentMethods: [],
        replacePaymentMethods: false,
      }),
    );
    expect(merged.branding).toEqual({ theme: 'light', logoUrl: 'https://cdn.example.com/a.png' });
    expect(merged.regional).toEqual({ ...stored.regional, locale: 'de-AT', taxRatePercent: undefined });
  });

  test('an empty list of payment methods with replace is refused', () => {
    expect(
      problems(() => validate(storefrontSchema, mergeStorefront(stored, { id: 'sf_1', paymentMethods: [], replacePaymentMethods: true }))),
    ).toEqual(['paymentMethods: must list at least one payment method']);
  });

  test('sees no change when only key order differs (jsonb reorders keys)', () => {
    const reordered = { ...stored, regional: Object.fromEntries(Object.entries(stored.regional).reverse()) } as StorefrontFields;
    expect(sameStorefront(reordered, stored)).toBe(true);
  });
});

describe('a new tenant', () => {
  test('needs positive decimal fx rates keyed by currency codes', () => {
    expect(problems(() => validate(createTenantSchema, aTenant({ fxRates: { USD: '0.00', JPY: '-1', EUR: '1,2', Usd: '1' } })))).toEqual([
      'fxRates.USD: must be a positive decimal string such as "0.92"',
      'fxRates.JPY: must be a positive decimal string such as "0.92"',
      'fxRates.EUR: must be a positive decimal string such as "0.92"',
      'fxRates.Usd: is not an upper-case ISO 4217 currency code',
    ]);
  });

  test('has a slug of 2 to 63 lower-case letters, digits or dashes', () => {
    for (const slug of ['ab', 'acme-2', '0x']) expect(problems(() => validate(createTenantSchema, aTenant({ slug })))).toEqual([]);
    for (const slug of ['a', '-acme', 'Acme', 'acme_co', 'a'.repeat(64)]) {
      expect(problems(() => validate(createTenantSchema, aTenant({ slug })))).toEqual([
        'slug: must be 2 to 63 lower-case letters, digits or dashes',
      ]);
    }
  });

  test("has its administrator's email lower-cased and trimmed", () => {
    const input = validate(createTenantSchema, aTenant({ admin: { email: '  Ada@Example.COM ', password: 'long-enough-pw', name: '' } }));
    expect(input.admin.email).toBe('ada@example.com');
  });
});

describe('a new user', () => {
  test('needs a password of at least 10 characters and a known role', () => {
    expect(problems(() => validate(createUserSchema, aUser({ password: '123456789', role: 'owner' })))).toEqual([
      'password: must be at least 10 characters',
      'role: must be one of administrator, manager, operator, viewer',
    ]);
  });
});

describe('usage', () => {
  test.each([
    ['2025-01', true],
    ['2025-12', true],
    ['2025-13', false],
    ['2025-1', false],
    ['25-01', false],
  ])('month %s valid: %s', (month, valid) => {
    expect(problems(() => validate(usageMonthSchema, { month })).length === 0).toBe(valid);
  });

  test('API call counts must not be negative', () => {
    expect(problems(() => validate(recordApiCallsSchema, { counts: [{ tenantId: 'ten_1', month: '2025-01', calls: -1 }] }))).toEqual([
      'counts.0.calls: must not be negative',
    ]);
  });
});
