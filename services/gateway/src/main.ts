import './instrument';
import { ConfigError, createLogger } from '@azotte/common';
import { stopTelemetry } from '@azotte/common/telemetry';
import { loadGatewayConfig } from './config';
import { startGateway } from './service';

async function main(): Promise<void> {
  let config;
  try {
    config = loadGatewayConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`gateway: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger('gateway', { level: config.LOG_LEVEL });
  const gateway = await startGateway(config, { logger });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await gateway.stop();
    await stopTelemetry();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error('gateway failed to start:', err);
  process.exit(1);
});
