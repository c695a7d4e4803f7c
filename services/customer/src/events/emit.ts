import { enqueueEvent, type Db, type Scope } from '@azotte/common';
import { EVENTS, eventsV1, type customerV1 } from '@azotte/proto';

/**
 * What the service publishes, each written to the outbox in the caller's
 * transaction with the scope of the object that changed (the actor and the
 * trace context come from the current call). Payloads are the JSON form of
 * the event messages of proto/azotte/events/v1/customer.proto.
 */
const write = (trx: Db, scope: Scope, type: string, payload: unknown) =>
  enqueueEvent(trx, {
    type,
    payload,
    scope: { tenantId: scope.tenantId, environmentId: scope.environmentId, environmentKind: scope.environmentKind },
  });

export const customerCreated = (trx: Db, scope: Scope, customer: customerV1.Customer) =>
  write(trx, scope, EVENTS.customer.customerCreated, eventsV1.CustomerChanged.toJSON({ customer, changedFields: [] }));

export const customerUpdated = (trx: Db, scope: Scope, customer: customerV1.Customer, changedFields: string[]) =>
  write(trx, scope, EVENTS.customer.customerUpdated, eventsV1.CustomerChanged.toJSON({ customer, changedFields }));

/**
 * Identifiers and times only: an erasure never spreads what it removes. `resource` is the
 * customer as GetCustomer answers it after the erasure, which has no personal data left.
 */
export const customerErased = (trx: Db, scope: Scope, customer: customerV1.Customer, supportRequestIds: string[]) =>
  write(
    trx,
    scope,
    EVENTS.customer.customerErased,
    eventsV1.CustomerErased.toJSON({
      customer: { id: customer.id, environmentId: customer.environmentId, erasedAt: customer.erasedAt, supportRequestIds },
      resource: customer,
    }),
  );

const withoutThread = (request: customerV1.SupportRequest): customerV1.SupportRequest => ({ ...request, messages: [] });

export const supportRequestCreated = (trx: Db, scope: Scope, request: customerV1.SupportRequest) =>
  write(
    trx,
    scope,
    EVENTS.customer.supportRequestCreated,
    eventsV1.SupportRequestChanged.toJSON({ supportRequest: withoutThread(request) }),
  );

export const supportRequestUpdated = (trx: Db, scope: Scope, request: customerV1.SupportRequest) =>
  write(
    trx,
    scope,
    EVENTS.customer.supportRequestUpdated,
    eventsV1.SupportRequestChanged.toJSON({ supportRequest: withoutThread(request) }),
  );

export const supportMessageAdded = (
  trx: Db,
  scope: Scope,
  request: customerV1.SupportRequest,
  message: customerV1.SupportMessage,
) =>
  write(
    trx,
    scope,
    EVENTS.customer.supportMessageAdded,
    eventsV1.SupportMessageAdded.toJSON({ supportRequest: withoutThread(request), message }),
  );
