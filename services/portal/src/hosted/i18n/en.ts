/**
 * Every text of the hosted pages, in English: the table a translation copies
 * (./de.ts) and the fallback for a storefront locale without one. Amounts,
 * dates and percentages arrive already formatted for the storefront's locale.
 */

export type IntervalUnit = 'day' | 'week' | 'month' | 'year';

const UNITS: Record<IntervalUnit, [one: string, many: string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years'],
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const en = {
  loading: 'Loading…',
  offline: 'We could not reach the server. Check your connection and try again.',
  failed: 'Something went wrong. Please try again.',
  tooManyAttempts: 'Too many attempts, wait a minute.',
  retry: 'Try again',
  close: 'Close',
  back: 'Back',
  invalidLink: {
    title: 'This link is not valid',
    body: 'Ask the business that sent it for a new one.',
  },
  sandbox: {
    title: 'Test mode',
    body: 'This is a sandbox: no real payment is made. Use one of these test cards with any future expiry date and any CVC:',
    useShort: 'Use',
    use: (number: string) => `Use test card ${number}`,
  },

  /** `9.99 € / month`, `9.99 € every 3 months`. */
  perInterval: (amount: string, count: number, unit: IntervalUnit | string) => {
    const [one, many] = UNITS[unit as IntervalUnit] ?? [unit, unit];
    return count === 1 ? `${amount} / ${one}` : `${amount} every ${count} ${many}`;
  },

  card: {
    legend: 'Card',
    name: 'Name on card',
    optional: 'optional',
    number: 'Card number',
    expMonth: 'Expiry month',
    expYear: 'Expiry year',
    cvc: 'CVC',
    invalidNumber: 'Enter the card number as it is printed on the card.',
    invalidMonth: 'Enter the month as a number from 1 to 12.',
    invalidYear: 'Enter the year with four digits, like 2030.',
    expired: 'This card has expired.',
    invalidCvc: 'Enter the 3 or 4 digits on the back of the card.',
    /** `Visa •••• 4242` */
    label: (brand: string, last4: string) => `${brand} •••• ${last4}`,
    expires: (month: number, year: number) => `expires ${String(month).padStart(2, '0')}/${year}`,
  },

  /** Decline codes in words (the provider's codes, as Stripe names them). */
  declines: {
    card_declined: 'Your card was declined.',
    insufficient_funds: 'Your card has insufficient funds.',
    expired_card: 'Your card has expired.',
    incorrect_cvc: 'The CVC is incorrect.',
    processing_error: 'The payment could not be processed. Try again in a moment.',
    invalid_payment_method: 'This card can no longer be charged.',
    do_not_honor: 'Your bank refused the payment.',
    lost_card: 'Your card was declined.',
    stolen_card: 'Your card was declined.',
  } as Record<string, string>,
  declinedOther: 'Your card was declined. Try another card.',

  checkout: {
    title: 'Checkout',
    plan: 'Plan',
    includes: 'Includes',
    trial: (days: number) => `${days}-day free trial`,
    setupFee: (amount: string) => `+ ${amount} one-time setup fee`,
    taxIncluded: (rate: string) => `incl. ${rate} % VAT`,
    taxExcluded: (rate: string) => `+ ${rate} % tax`,
    quantity: (quantity: number, unit: string) => `${quantity} × ${unit}`,
    dueToday: 'Due today',
    email: 'Email',
    emailKnown: 'Subscribing as',
    invalidEmail: 'Enter an email address like name@example.com.',
    payWith: 'Pay with card',
    coupon: 'Coupon code',
    couponChecking: 'Checking the code…',
    couponApplied: (code: string) => `Code ${code} is applied.`,
    couponSession: (code: string) => `Code ${code} is applied to this checkout.`,
    discount: {
      percent: (percent: string) => `${percent} % off`,
      amount: (amount: string) => `${amount} off`,
      forever: (off: string) => `${off} every payment`,
      cycles: (off: string, cycles: number) => (cycles === 1 ? `${off} the first payment` : `${off} the first ${cycles} payments`),
      trial: (days: number) => `${days} extra ${plural(days, 'day', 'days')} of free trial`,
    },
    couponDueToday: (amount: string) => `Due today with the code: ${amount}`,
    couponReasons: {
      unknown_code: 'There is no such code.',
      not_active: 'This code is not active.',
      expired: 'This code has expired.',
      exhausted: 'This code has been used up.',
      not_targeted: 'This code is not valid for you or for this plan.',
      currency_mismatch: 'This code is for another currency.',
    } as Record<string, string>,
    priceNotSellable: 'This plan can no longer be bought. Choose another.',
    subscribe: 'Subscribe',
    subscribing: 'Subscribing…',
    fixFields: 'Check the fields marked above.',
    expired: {
      title: 'This checkout has expired',
      body: 'Go back and start again to subscribe.',
    },
    complete: {
      title: "You're subscribed",
      body: 'Thank you! Your subscription has started.',
      continue: 'Continue',
    },
  },

  portal: {
    title: 'Your subscriptions',
    none: 'You have no subscriptions.',
    signedInAs: (who: string) => `Signed in as ${who}`,
    returnLink: 'Return',
    expired: {
      title: 'This link has expired',
      body: 'Return and open your account page again for a new link.',
    },
    status: {
      trialing: 'In free trial',
      active: 'Active',
      incomplete: 'Waiting for the first payment',
      incomplete_expired: 'Not started: the first payment failed',
      past_due: 'Payment overdue',
      canceled: 'Canceled',
    } as Record<string, string>,
    statusLabel: 'Status',
    price: 'Price',
    quantity: (n: number) => `Quantity: ${n}`,
    renews: (date: string, amount: string) => `Renews on ${date} for ${amount}`,
    endsOn: (date: string) => `Ends on ${date}`,
    trialEnds: (date: string) => `Free trial ends on ${date}`,
    cancel: 'Cancel subscription',
    cancelQuestion: (date: string) => `Cancel this subscription? It stays active until ${date} and is not renewed.`,
    cancelConfirm: 'Yes, cancel',
    cancelAbort: 'No, keep it',
    canceled: (name: string, date: string) => `${name} ends on ${date}.`,
    keep: 'Keep subscription',
    kept: (name: string) => `${name} continues and will renew.`,
    changePlan: 'Change plan',
    changePlanLegend: 'New plan',
    preview: 'What you pay now',
    previewing: 'Calculating…',
    dueNow: 'Due now',
    confirmChange: 'Confirm change',
    changed: (name: string) => `Your plan is now ${name}.`,
    cancelDialog: 'Cancel',
    paymentMethod: 'Payment method',
    noCard: 'No card on file.',
    updateCard: 'Update card',
    saveCard: 'Save card',
    saved: (card: string) => `${card} is now your card for payments.`,
    invoices: 'Invoices',
    noInvoices: 'No invoices yet.',
    date: 'Date',
    total: 'Total',
    view: 'View',
    invoiceStatus: {
      open: 'Open',
      paid: 'Paid',
      void: 'Void',
      uncollectible: 'Uncollectible',
    } as Record<string, string>,
    lineDescription: 'Description',
    lineAmount: 'Amount',
  },

  invoice: {
    title: (id: string) => `Invoice ${id}`,
    number: 'Invoice number',
    date: 'Date',
    status: 'Status',
    seller: 'From',
    customer: 'Billed to',
    lines: 'Invoice lines',
    description: 'Description',
    period: 'Period',
    quantity: 'Quantity',
    amount: 'Amount',
    subtotal: 'Subtotal',
    discount: 'Discount',
    tax: 'Tax',
    total: 'Total',
    paid: 'Paid',
    refunded: 'Refunded',
    print: 'Print',
    notFound: 'There is no such invoice.',
  },
};

export type Messages = typeof en;
