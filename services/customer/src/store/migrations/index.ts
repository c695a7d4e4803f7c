import { requestKeysMigration, type Migration } from '@azotte/common';
import { init } from './001_init';

/** The customer service's own migrations, in order (the outbox comes from common; request keys too). */
export const migrations: Migration[] = [init, requestKeysMigration];
