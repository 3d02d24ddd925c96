import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { createDb } from '../../../src/server/db/create-db';
import { LiveSessions } from '../../../src/server/dashboard/live-sessions';
import { ScenarioCatalog, readScenes } from '../../../src/server/scenario-catalog';
import { root } from '../test-app';
import { freshPostgresSchema } from './databases';

export interface ServerInstance {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Awaited<ReturnType<typeof createDb>>['db'];
  close(): Promise<void>;
}

/**
 * Server instances on one fresh PostgreSQL schema, as behind a load balancer, each with its own
 * LISTEN connection; made before the describe's tests and closed after them. The list fills in
 * `beforeAll`: read it inside tests.
 */
export function instancesOnPostgres(count = 2, now = () => new Date('2026-11-26T09:00:10.000Z')): ServerInstance[] {
  const instances: ServerInstance[] = [];
  let storage: Awaited<ReturnType<typeof freshPostgresSchema>>;
  beforeAll(async () => {
    storage = await freshPostgresSchema();
    for (let i = 0; i < count; i++) {
      const opened = await createDb({ dataDir: '', databaseUrl: storage.url });
      const catalog = await ScenarioCatalog.open(opened.db, readScenes(root));
      const live = await LiveSessions.postgres(storage.url, (e) => {
        throw e;
      });
      const app = await buildApp({ db: opened.db, catalog, live, now });
      instances.push({ app, db: opened.db, close: async () => (await app.close(), await live.close(), await opened.db.destroy()) });
    }
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
    await storage?.drop();
  });
  return instances;
}
