import { enqueueEvent, type Db, type Scope } from '@azotte/common';
import { eventsV1, type catalogV1 } from '@azotte/proto';

// Every change is written to the outbox in the transaction that makes it (ARCHITECTURE.md rule 3),
// with the scope of the object it describes; the payload is the object after the change.

export function emitBundle(trx: Db, scope: Scope, type: string, bundle: catalogV1.Bundle): Promise<string> {
  return enqueueEvent(trx, { type, payload: eventsV1.BundleChanged.toJSON({ bundle }), scope });
}

export function emitPrice(trx: Db, scope: Scope, type: string, price: catalogV1.Price): Promise<string> {
  return enqueueEvent(trx, { type, payload: eventsV1.PriceChanged.toJSON({ price }), scope });
}
