import { environmentClocksMigration, type Migration } from '@azotte/common';
import { init } from './001_init';

/** The billing service's own migrations, in order (outbox and inbox come from common). */
export const migrations: Migration[] = [environmentClocksMigration, init];
