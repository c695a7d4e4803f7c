import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storefront } from '../api/client';
import { aCheckout } from '../test/builders';
import { fakeHostedApi, ok } from '../test/fake-api';
import { renderHosted, resetDocument, SECRET } from '../test/render';
import { brandColors, contrast, parseHex } from './colors';

afterEach(resetDocument);

const open = async (storefront: Partial<Storefront>) => {
  renderHosted(`/checkout/${SECRET}`, fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ storefront })) }).fetch);
  return (await screen.findByRole('heading', { level: 1, name: 'Streamly' })).closest<HTMLElement>('.hosted')!;
};

describe("the storefront's branding", () => {
  it('puts a dark theme on the page and the document, with the primary colour as custom properties', async () => {
    const page = await open({ theme: 'dark', primaryColor: '#1a73e8' });

    expect(page).toHaveClass('hosted-theme-dark');
    expect(document.documentElement).toHaveClass('hosted-dark');
    expect(page.style.getPropertyValue('--brand')).toBe('#1a73e8');
    // #1a73e8 is too dark for links on the dark background: the accent is lightened until it reads.
    const accent = page.style.getPropertyValue('--brand-accent');
    expect(accent).not.toBe('#1a73e8');
    expect(contrast(parseHex(accent)!, parseHex('#12141a')!)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps a light theme light', async () => {
    const page = await open({ theme: 'light' });

    expect(page).toHaveClass('hosted-theme-light');
    expect(document.documentElement).not.toHaveClass('hosted-dark');
  });

  it('falls back to English texts for a locale without a table, formatting in that locale still', async () => {
    await open({ locale: 'fr-FR' });

    expect(screen.getByRole('radio', { name: '9,99\u00a0€ / month' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Subscribe' })).toBeInTheDocument();
  });
});

describe('brand colours', () => {
  it.each([
    ['#1a73e8', 'light', '#ffffff'],
    ['#ffd60a', 'light', '#11141a'],
    ['#000000', 'dark', '#ffffff'],
  ] as const)('%s on a %s page has %s text on buttons', (primary, theme, onPrimary) => {
    expect(brandColors(primary, theme).onPrimary).toBe(onPrimary);
  });

  it('uses the default colour for a missing or malformed one', () => {
    expect(brandColors(null, 'light').primary).toBe('#3b3fd8');
    expect(brandColors('blue', 'light').primary).toBe('#3b3fd8');
    expect(brandColors('#abc', 'light').primary).toBe('#aabbcc');
  });
});
