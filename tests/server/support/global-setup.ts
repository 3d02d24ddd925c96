import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL every server test also runs against (TEST_DATABASE_URL or a throwaway cluster). */
    postgresUrl: string;
  }
}

let cluster: ThrowawayPostgres | null = null;

/**
 * Server tests run on SQLite and on PostgreSQL. TEST_DATABASE_URL names a server to use; otherwise
 * a throwaway cluster is started from the Debian binaries and stopped afterwards. No PostgreSQL is a
 * failure, never a skip (DESIGN.md, testing level 4).
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  cluster = await startThrowawayPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster?.stop();
}
