import { describe, expect, it } from 'vitest';
import { defaultCurrencyAfter, fieldOfApiPath, newStorefrontForm, storefrontFormSchema, toCreateStorefrontBody, toUpdateStorefrontBody, type StorefrontFormValues } from './storefront-form';

const valid = (): StorefrontFormValues => {
  const form = newStorefrontForm();
  return { ...form, name: 'Main', slug: 'main', regional: { ...form.regional, countries: ['DE'], currencies: ['EUR', 'CHF'], defaultCurrency: 'CHF', timezone: 'Europe/Berlin' } };
};

describe('the default-currency rule', () => {
  it('refuses a default currency that is not one of the currencies, beside the default currency', () => {
    const values = valid();
    values.regional.defaultCurrency = 'USD';
    const result = storefrontFormSchema.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['regional.defaultCurrency', 'must be one of the currencies']]);
  });

  it('asks for a default currency when there is none', () => {
    const values = valid();
    values.regional.currencies = [];
    values.regional.defaultCurrency = '';
    const issues = storefrontFormSchema.safeParse(values).error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['regional.currencies', 'add at least one currency'],
      ['regional.defaultCurrency', 'choose the default currency among the currencies'],
    ]);
  });

  it('accepts a default currency among the currencies', () => {
    expect(storefrontFormSchema.safeParse(valid()).success).toBe(true);
  });

  it('keeps the default while it is listed, else takes the first currency listed', () => {
    expect(defaultCurrencyAfter(['EUR', 'CHF'], 'CHF')).toBe('CHF');
    expect(defaultCurrencyAfter(['EUR'], 'CHF')).toBe('EUR');
    expect(defaultCurrencyAfter([], 'CHF')).toBe('');
  });
});

describe('the bodies sent', () => {
  it('leave out what is empty on creation, and clear it with null on a change', () => {
    const values = { ...valid(), branding: { logoUrl: '', primaryColor: '', theme: 'dark' as const } };
    values.regional.taxRatePercent = '';
    const created = toCreateStorefrontBody(values);
    expect(created.branding).toEqual({ theme: 'dark' });
    expect(created.regional).not.toHaveProperty('taxRatePercent');
    const patch = toUpdateStorefrontBody(values);
    expect(patch.branding).toEqual({ theme: 'dark', logoUrl: null, primaryColor: null });
    expect(patch.regional?.taxRatePercent).toBeNull();
    values.regional.taxRatePercent = '7.7';
    expect(toCreateStorefrontBody(values).regional.taxRatePercent).toBe(7.7);
  });

  it('map an API error on one code of a list to the list’s field', () => {
    expect(fieldOfApiPath('regional.countries.1')).toBe('regional.countries');
    expect(fieldOfApiPath('regional.currencies.0')).toBe('regional.currencies');
    expect(fieldOfApiPath('paymentMethods.2')).toBe('paymentMethods');
    expect(fieldOfApiPath('regional.defaultCurrency')).toBe('regional.defaultCurrency');
  });
});
