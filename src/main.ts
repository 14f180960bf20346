import 'reflect-metadata';
import { createApp } from './app.factory';
import { createLogger } from './common/logging/logger';
import { ConfigError, loadConfig } from './config/load-config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { describeStartupError } from './startup-error';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.keys.devKeysFile) {
    logger.warn(`Using development keys from ${config.keys.devKeysFile}; set SESSION_ENCRYPTION_KEY and JWT_PRIVATE_KEY for production`);
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.database.embeddedPort, {
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
    });
    databaseUrl = embedded.url;
  }

  const app = await createApp({ config, databaseUrl }).catch(async (error: unknown) => {
    // A server this process started would otherwise outlive it.
    await embedded?.stop();
    throw error;
  });
  const shutdown = async (signal: string): Promise<void> => {
    logger.info(`${signal} received; shutting down`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await embedded?.stop();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${config.port} on ${config.host} is already in use; set PORT to a free one`, { cause: error });
    }
    throw error;
  }
  const shown = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  logger.info(`strapi-auth-bff listening on http://${shown}:${config.port} (Swagger UI at /docs), forwarding to Strapi at ${config.strapi.url}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${describeStartupError(error)}\n`);
  process.exit(1);
});
