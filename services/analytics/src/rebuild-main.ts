// `npm run analytics:rebuild`: rebuilds every analytics projection from the events it kept.
import { createLogger, openDatabase, serviceMigrations } from '@azotte/common';
import { loadAnalyticsConfig } from './config';
import { rebuildProjections } from './domain/rebuild';
import { migrations } from './store/migrations';

async function main() {
  const config = loadAnalyticsConfig();
  const logger = createLogger('analytics-rebuild', { level: config.LOG_LEVEL });
  const db = await openDatabase({
    url: config.DATABASE_URL,
    schema: config.ANALYTICS_DB_SCHEMA,
    migrations: serviceMigrations(migrations),
    logger,
  });
  try {
    await db.migrate();
    const started = Date.now();
    const replayed = await rebuildProjections(db.knex);
    logger.info({ replayed, ms: Date.now() - started }, 'analytics projections rebuilt');
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
