import { scopedTable, type EnvironmentKind } from '@azotte/common';

export const paymentMethods = scopedTable('payment_methods');
export const subscriptions = scopedTable('subscriptions');
export const invoices = scopedTable('invoices');
export const payments = scopedTable('payments');
export const refunds = scopedTable('refunds');
export const checkoutSessions = scopedTable('checkout_sessions');
export const portalSessions = scopedTable('portal_sessions');

export interface DiscountState {
  campaignId: string;
  variant: string;
  code: string;
  type: 'percent_off' | 'amount_off';
  percentOff?: string;
  amountOff?: number;
  durationCycles?: number;
  /** Invoices still to discount; absent = forever. */
  remainingCycles?: number;
}

export interface PaymentMethodRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  customer_id: string;
  type: string;
  provider: string;
  token: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  is_default: boolean;
  created_at: Date;
}

export interface SubscriptionRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  environment_kind: 'production' | 'sandbox';
  customer_id: string;
  price_id: string;
  bundle_id: string;
  status: string;
  quantity: string | number;
  amount: string | number;
  setup_fee: string | number;
  currency: string;
  interval: string;
  interval_count: number;
  storefront_id: string | null;
  payment_method_id: string | null;
  tax_behavior: string | null;
  tax_rate_percent: string | null;
  billing_anchor: Date;
  cycle: number;
  current_period_start: Date;
  current_period_end: Date;
  trial_end: Date | null;
  cancel_at_period_end: boolean;
  canceled_at: Date | null;
  ended_at: Date | null;
  discount: DiscountState | null;
  credit_balance: string | number;
  latest_invoice_id: string | null;
  first_failed_at: Date | null;
  retry_count: number;
  next_action_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface InvoiceRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  customer_id: string;
  subscription_id: string;
  status: string;
  currency: string;
  billing_reason: string;
  lines: Array<{ description: string; amount: number; quantity: number; periodStart?: string; periodEnd?: string; kind: string }>;
  subtotal: string | number;
  discount: string | number;
  tax: string | number;
  total: string | number;
  tax_behavior: string | null;
  amount_paid: string | number;
  amount_refunded: string | number;
  attempts: number;
  period_start: Date | null;
  due_at: Date | null;
  paid_at: Date | null;
  created_at: Date;
}

export interface PaymentRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  invoice_id: string;
  customer_id: string;
  subscription_id: string;
  payment_method_id: string | null;
  provider: string;
  provider_charge_id: string | null;
  attempt: number;
  amount: string | number;
  currency: string;
  status: string;
  failure_code: string | null;
  amount_refunded: string | number;
  created_at: Date;
}

export interface RefundRow {
  id: string;
  payment_id: string;
  amount: string | number;
  currency: string;
  reason: string | null;
  status: string;
  failure_code: string | null;
  created_at: Date;
}

export type CheckoutSessionStatus = 'open' | 'complete' | 'expired';

export interface CheckoutSessionRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  environment_kind: EnvironmentKind;
  /** Hex SHA-256 of the page's secret; the secret itself is never stored. */
  secret_sha256: string;
  /** As written; an open one whose expires_at has passed is presented as expired. */
  status: CheckoutSessionStatus;
  storefront_id: string;
  price_ids: string[];
  customer_id: string | null;
  customer_email: string | null;
  quantity: string | number;
  coupon_code: string | null;
  allow_coupons: boolean;
  success_url: string;
  cancel_url: string;
  price_id: string | null;
  subscription_id: string | null;
  expires_at: Date;
  created_at: Date;
  completed_at: Date | null;
  updated_at: Date;
}

export interface PortalSessionRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  environment_kind: EnvironmentKind;
  secret_sha256: string;
  customer_id: string;
  storefront_id: string | null;
  return_url: string;
  /** Real time (a credential's lifetime), not the environment's business time. */
  expires_at: Date;
  created_at: Date;
}
