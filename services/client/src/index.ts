// @azotte/client: a typed client of Azotte's public HTTP API (see README.md).
export { createAzotteClient, idempotencyKey, type AzotteClient, type AzotteClientOptions } from './create-client';
export { AzotteApiError, unwrap, type FieldError, type Problem } from './errors';
export type { Bundle, Customer, Invoice, Payment, PaymentMethod, Price, Refund, Schema, Schemas, Subscription } from './schemas';
export type { components, operations, paths } from './generated/schema';
