// One embedded PostgreSQL and one built Glossa server for the system suites.
// Tests get the server's URL, a direct database URL (to prove "nothing changed"), and the
// credentials of the first account — the owner of the default workspace with the seeds —
// which this setup creates through the real sign-up API, as a newcomer would.
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { Logger } from '@nestjs/common';
import { newTempDataDir, removeDir, startServer, ROOT } from './server';
import { Session, type Credentials } from './session';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    /** The first account: owner of the default workspace (the seeded documents). */
    owner: Credentials;
    /** Where the suite server writes its log (to prove what never reaches it). */
    serverLogFile: string;
  }
}

export const OWNER: Credentials & { name: string } = { email: 'owner@glossa.test', password: 'Owner passphrase for the suite 7', name: 'Suite Owner' };

/**
 * Open sign-up lets tests create strangers with workspaces of their own. Every test user signs
 * up from 127.0.0.1, so the per-IP sign-up limit is raised here; sign-in limits keep their defaults
 * (tests/api/throttle.test.ts checks them, and the per-IP sign-up limit on a server of its own).
 */
export const SUITE_SERVER_ENV = { GLOSSA_OPEN_SIGNUP: 'true', GLOSSA_SIGNUP_MAX_PER_IP: '100000' };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = newTempDataDir();
  // The API's own module, from its build, so tests start PostgreSQL exactly as the app does.
  const { startEmbeddedDatabase } = require(`${ROOT}/apps/api/dist/database/embedded-database.js`) as typeof import('../../apps/api/src/database/embedded-database');
  const logger = new Logger('TestDatabase');
  logger.debug = () => undefined;
  const database = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(dataDir, undefined, logger);
  const databaseUrl = process.env.DATABASE_URL ?? database!.url;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ DATABASE_URL: databaseUrl, GLOSSA_DATA_DIR: dataDir, ...SUITE_SERVER_ENV }, 'suite');
  } catch (error) {
    // A server that never became healthy must not leave the suite's PostgreSQL running.
    await database?.stop();
    throw error;
  }
  try {
    // Fresh database: this first account becomes the owner of the default workspace. With an
    // external DATABASE_URL used before, the account already exists and signing in must work.
    const signUp = await new Session(server.baseUrl).signUp(OWNER);
    if (signUp.status !== 201) await Session.loggedIn(server.baseUrl, OWNER);
  } catch (error) {
    await server.stop();
    await database?.stop();
    throw error;
  }
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('owner', { email: OWNER.email, password: OWNER.password });
  project.provide('serverLogFile', server.logFile);
  return async () => {
    await server.stop();
    await database?.stop();
    removeDir(dataDir);
  };
}
