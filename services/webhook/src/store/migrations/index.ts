import { environmentClocksMigration, type Migration } from '@azotte/common';
import { init } from './001_init';

/**
 * The webhook service's own migrations, in order (the outbox and inbox come
 * from common). The environment clocks keep this service's copy of each
 * sandbox's test-clock offset, for the trial reminders' business time.
 */
export const migrations: Migration[] = [environmentClocksMigration, init];
