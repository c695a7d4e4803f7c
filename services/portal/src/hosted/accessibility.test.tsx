import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { aCheckout, anInvoice, aPortal } from './test/builders';
import { fakeHostedApi, ok } from './test/fake-api';
import { renderHosted, resetDocument, SECRET } from './test/render';

afterEach(resetDocument);

/** axe-core's WCAG A/AA violations on the page as rendered (contrast needs a real browser: the browser tests). */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the hosted pages for assistive technology', () => {
  it('has no axe violations on the sandbox checkout with a refused form', async () => {
    const user = userEvent.setup();
    renderHosted(`/checkout/${SECRET}`, fakeHostedApi({ 'GET /hosted/checkout': () => ok(aCheckout({ sandbox: true, storefront: { theme: 'dark' } })) }).fetch);
    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    expect(await violations()).toEqual([]);
  });

  it('has no axe violations on the customer portal with the change plan dialog open', async () => {
    const user = userEvent.setup();
    renderHosted(`/customer-portal/${SECRET}`, fakeHostedApi({ 'GET /hosted/portal': () => ok(aPortal()) }).fetch);
    await user.click(await screen.findByRole('button', { name: 'Change plan' }));
    expect(await violations()).toEqual([]);
  });

  it('has no axe violations on the invoice', async () => {
    renderHosted(
      `/customer-portal/${SECRET}/invoices/in_01TEST`,
      fakeHostedApi({ 'GET /hosted/portal': () => ok(aPortal()), 'GET /hosted/portal/invoices/in_01TEST': () => ok(anInvoice()) }).fetch,
    );
    await screen.findByRole('button', { name: 'Print' });
    expect(await violations()).toEqual([]);
  });
});
