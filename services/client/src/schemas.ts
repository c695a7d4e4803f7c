import type { components } from './generated/schema';

/** Every schema of the API by its OpenAPI name. */
export type Schemas = components['schemas'];

/** One schema of the API by its OpenAPI name: `Schema<'Customer'>`, `Schema<'CreatePriceRequest'>`. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

// The objects most callers hold; any other is `Schema<'Name'>`.
export type Customer = Schemas['Customer'];
export type Bundle = Schemas['Bundle'];
export type Price = Schemas['Price'];
export type Subscription = Schemas['Subscription'];
export type Invoice = Schemas['Invoice'];
export type Payment = Schemas['Payment'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type Refund = Schemas['Refund'];
