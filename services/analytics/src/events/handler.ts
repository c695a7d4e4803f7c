import type { EventHandler } from '@azotte/common';
import type { Deps } from '../domain/deps';
import { keepEvent } from '../store/events';
import { applyEvent } from './apply';
import { storedEvent } from './stored-event';

/**
 * Consumes an event inside the transaction that records it in the inbox (a
 * redelivery is a no-op): keeps it in `events`, then applies it.
 */
export function eventHandler(deps: Deps): EventHandler {
  return async (event, trx) => {
    const stored = storedEvent(event);
    if (!stored) {
      deps.logger.warn({ eventId: event.id, type: event.type }, 'event without a tenant ignored');
      return;
    }
    await keepEvent(trx, stored);
    await applyEvent(trx, deps.clocks, stored);
  };
}
