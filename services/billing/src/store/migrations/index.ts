import { environmentClocksMigration, requestKeysMigration, type Migration } from '@azotte/common';
import { init } from './001_init';
import { sandboxCharges } from './002_sandbox_charges';
import { hostedSessions } from './003_hosted_sessions';

/** The billing service's own migrations, in order (outbox and inbox come from common). */
export const migrations: Migration[] = [environmentClocksMigration, init, sandboxCharges, hostedSessions, requestKeysMigration];
