import { environmentClocksMigration, type Migration } from '@azotte/common';
import { init } from './001_init';

/**
 * The analytics service's own migrations, in order (the outbox and inbox come
 * from common). The environment clocks keep this service's copy of each
 * sandbox environment's test-clock offset, fed by billing's events.
 */
export const migrations: Migration[] = [environmentClocksMigration, init];
