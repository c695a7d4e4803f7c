import type { EventHandler } from '@azotte/common';
import { recordAudit } from './audit';
import { recordUsage } from './usage';

/**
 * The one handler of the tenant service's queue, bound to every routing key:
 * each event becomes an audit entry and counts in the tenant's usage, in the
 * transaction that records it in the inbox.
 */
export const handleEvent: EventHandler = async (event, trx) => {
  await recordAudit(trx, event);
  await recordUsage(trx, event);
};
