import type { Migration } from '@azotte/common';
import { init } from './001_init';

/** The catalog service's own migrations, in order (the outbox comes from common). */
export const migrations: Migration[] = [init];
