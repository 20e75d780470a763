import { createGateway } from './composition/create-gateway';
import { createLogger } from './composition/create-logger';
import { ConfigError, parseGatewayEnv } from './config/gateway-config';
import { gatewayOptionsFromEnv, storeUrlOf } from './config/gateway-options-from-env';

async function main(): Promise<void> {
  const env = parseGatewayEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const gateway = await createGateway({ ...gatewayOptionsFromEnv(env), logger });
  const store = storeUrlOf(env) === undefined ? 'sqlite' : 'postgres';
  logger.info({ url: gateway.url, vendor: gateway.adapter.vendor, store, dataDir: env.ICC_DATA_DIR }, `ICC gateway listening on ${gateway.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a second signal while draining must not fall back to the default (kill at once).
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Invalid configuration: ${error.message}`);
  else console.error(`The gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
