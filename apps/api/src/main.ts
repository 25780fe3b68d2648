// Boots Glossa: validated config → database (embedded unless DATABASE_URL) → migrations
// → seed corpus → HTTP on one port serving the API under /api and the web app at /.
import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { API_PREFIX, MAX_DOCUMENT_BYTES } from '@glossa/contracts';
import { AppModule } from './app.module';
import { registerCsrfCookie } from './auth/csrf';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded-database';
import { registerOversizeBodyGuard } from './http/oversize-body';
import { answerClientError } from './http/client-error';
import { registerSecurityHeaders } from './http/security-headers';
import { registerWebApp } from './http/web-app';
import { LiveIoAdapter } from './live/live-io-adapter';
import { ImportSeedCorpus } from './seeds/import-seed-corpus';

/** JSON bodies carry the content plus a little envelope; larger bodies get 413 before parsing. */
const JSON_BODY_LIMIT = MAX_DOCUMENT_BYTES + 256 * 1024;
/** In-flight requests get this long to finish on SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function bootstrap(config: AppConfig, logger: ConsoleLogger): Promise<void> {
  const log = new Logger('Boot');
  const started = Date.now();
  let embedded: EmbeddedDatabase | null = null;
  if (!config.DATABASE_URL) embedded = await startEmbeddedDatabase(config.GLOSSA_DATA_DIR, config.GLOSSA_EMBEDDED_PG_PORT, new Logger('EmbeddedPostgres'), [config.PORT]);
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;

  let app: NestFastifyApplication;
  try {
    const adapter = new FastifyAdapter({
      bodyLimit: JSON_BODY_LIMIT,
      // A 1 byte/s upload must not hold a connection forever (SECURITY.md F1). Node compares open
      // requests with the limit only every `connectionsCheckingInterval` (30 s by default), so the
      // check runs at a quarter of the limit: the cut lands at most 25 % after it. The limit goes to
      // Node's own constructor too, which keeps headersTimeout (60 s) at or under it; a larger
      // headersTimeout would make Node treat 60 s as the limit for a request whose body trickles.
      requestTimeout: config.GLOSSA_REQUEST_TIMEOUT_MS,
      http: { requestTimeout: config.GLOSSA_REQUEST_TIMEOUT_MS, connectionsCheckingInterval: connectionsCheckingInterval(config.GLOSSA_REQUEST_TIMEOUT_MS) },
      // The 408 above, and HTTP too broken to route, answered in the API's error envelope.
      clientErrorHandler: answerClientError,
      logger: {
        level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
        // Invite tokens travel in paths; keep them out of logs (SECURITY.md A5).
        serializers: { req: (request: { method: string; url: string }) => ({ method: request.method, url: redactSecrets(request.url) }) },
      },
      // X-Forwarded-For is trusted only when GLOSSA_TRUST_PROXY names the proxy (rate limits key on the client IP).
      trustProxy: config.GLOSSA_TRUST_PROXY,
    });
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, { logger, bufferLogs: true });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  try {
    app.setGlobalPrefix(API_PREFIX.slice(1));
    const fastify = app.getHttpAdapter().getInstance();
    await registerSecurityHeaders(fastify);
    registerOversizeBodyGuard(fastify, JSON_BODY_LIMIT);
    await fastify.register(cookie);
    registerCsrfCookie(fastify, config);
    // JSON and multipart only: a text/plain or form body (what a cross-site <form> can send) gets 415.
    fastify.removeContentTypeParser('text/plain');
    await fastify.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 8, fieldSize: 8 * 1024, parts: 10 } });
    // Live updates share the HTTP port at /socket.io (docs/LIVE.md).
    if (config.GLOSSA_LIVE) app.useWebSocketAdapter(new LiveIoAdapter(app, config));
    const webServed = await registerWebApp(fastify, config.GLOSSA_WEB_DIST);
    if (!webServed) log.warn(`No web app build in ${config.GLOSSA_WEB_DIST}; serving the API only`);
    await app.init();
    if (config.GLOSSA_IMPORT_SEEDS) await app.get(ImportSeedCorpus).run();
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    // A start that fails after the database is up (port taken, a migration or seed error)
    // must not leave the embedded PostgreSQL running behind it.
    await app.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  log.log(`Glossa is ready on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} (${Date.now() - started} ms)`);

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal} received: finishing in-flight requests`);
    const force = setTimeout(() => {
      log.error('Shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app.close();
      await embedded?.stop();
      log.log('Stopped cleanly');
      process.exit(0);
    } catch (error) {
      log.error(`Shutdown failed: ${String(error)}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/** How often Node looks for requests past `requestTimeout`: a quarter of it, between 250 ms and 30 s. */
function connectionsCheckingInterval(requestTimeoutMs: number): number {
  return Math.min(30_000, Math.max(250, Math.floor(requestTimeoutMs / 4)));
}

const INVITE_PATH = /(\/invites\/)[^/?]+/g;

function redactSecrets(url: string): string {
  return url.replace(INVITE_PATH, '$1[redacted]');
}

function main(): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = new ConsoleLogger({ json: true, logLevels: ['fatal', 'error', 'warn', 'log', ...(config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? (['debug', 'verbose'] as const) : [])] });
  // Loggers made before Nest exists (the embedded database's) write through the same JSON logger.
  Logger.overrideLogger(logger);
  bootstrap(config, logger).catch((error: unknown) => {
    logger.fatal(`Glossa could not start: ${error instanceof Error ? error.message : String(error)}`, 'Boot');
    process.exit(1);
  });
}

main();
