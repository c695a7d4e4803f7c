import './instrument';
import { ConfigError, createLogger } from '@azotte/common';
import { loadTenantConfig, type TenantConfig } from './config';
import { startTenantService } from './service';

/** The configuration, or exit 1 with a message naming every missing or wrong variable. */
function readConfig(): TenantConfig {
  try {
    return loadTenantConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger('tenant', { level: config.LOG_LEVEL });
  const service = await startTenantService(config, { logger });
  logger.info({ port: service.port, schema: config.TENANT_DB_SCHEMA }, 'tenant service listening');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'tenant service stopping');
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'tenant service did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  createLogger('tenant').fatal({ err }, 'tenant service failed to start');
  process.exit(1);
});
