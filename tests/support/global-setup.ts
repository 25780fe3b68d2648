// One embedded PostgreSQL and one built Glossa server for the system suites.
// Tests get the server's URL and a direct database URL (to prove "nothing changed").
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { Logger } from '@nestjs/common';
import { newTempDataDir, removeDir, startServer, ROOT } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = newTempDataDir();
  // The API's own module, from its build, so tests start PostgreSQL exactly as the app does.
  const { startEmbeddedDatabase } = require(`${ROOT}/apps/api/dist/database/embedded-database.js`) as typeof import('../../apps/api/src/database/embedded-database');
  const logger = new Logger('TestDatabase');
  logger.debug = () => undefined;
  const database = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(dataDir, undefined, logger);
  const databaseUrl = process.env.DATABASE_URL ?? database!.url;
  const server = await startServer({ DATABASE_URL: databaseUrl, GLOSSA_DATA_DIR: dataDir }, 'suite');
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseUrl', databaseUrl);
  return async () => {
    await server.stop();
    await database?.stop();
    removeDir(dataDir);
  };
}
