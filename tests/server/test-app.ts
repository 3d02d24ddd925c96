import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, scenarioHash, score, type Scenario, type SessionEvent } from '../../src/engine';
import { buildApp, type AppOptions } from '../../src/server/app';
import { createDb } from '../../src/server/db/create-db';
import { ScenarioCatalog, readScenes, type CatalogEntry } from '../../src/server/scenario-catalog';
import type { XapiForwarder } from '../../src/server/xapi/forwarder';
import { freshPostgresSchema, type TestDbKind } from './support/databases';

export const root = process.cwd();

export function sampleScenario(): Scenario {
  const file = 'scenes/wood/intro-workbench/scenario.json';
  const parsed = parseScenario(JSON.parse(readFileSync(join(root, file), 'utf8')), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

export const idealEvents: SessionEvent[] = [
  { t: 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 3500, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6000, action: 'press', object: 'stop-button', device: 'desktop' },
];

/** A valid upload of the sample station's ideal path; override what a test needs to break. */
export function sessionBody(overrides: Record<string, unknown> = {}, scenario: Scenario = sampleScenario()) {
  const events = (overrides.events as SessionEvent[] | undefined) ?? idealEvents;
  return {
    id: '0b7e2f7c-2c1a-4c39-9a49-3f7f6b1c2d3e',
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: scenarioHash(scenario),
    mode: 'practice',
    device: 'desktop',
    language: 'nl',
    startedAt: '2026-11-26T09:00:00.000Z',
    endedAt: '2026-11-26T09:00:06.000Z',
    events,
    clientScore: score(scenario, events, 'practice').total,
    ...overrides,
  };
}

/**
 * The API on a throwaway database: a SQLite file, or a fresh PostgreSQL schema. `current` replaces
 * the repo's scenes (a server that has moved on); `reuse` opens the database of an earlier start.
 */
export async function testApp(opts: { kind?: TestDbKind; current?: CatalogEntry[]; reuse?: TestStorage; dataDir?: string; now?: () => Date; app?: Pick<AppOptions, 'trustedProxies' | 'httpsPort' | 'logger' | 'passportJob' | 'passportIssuer' | 'headsetUrls' | 'anonymousPractice' | 'localesDir'>; publicUrl?: string; serverSecret?: Buffer; forwarder?: XapiForwarder } = {}) {
  const reuse: TestStorage | undefined = opts.reuse ?? (opts.dataDir ? { kind: 'sqlite', dataDir: opts.dataDir } : undefined);
  const kind = opts.kind ?? reuse?.kind ?? 'sqlite';
  const storage: TestStorage = reuse ?? (kind === 'postgres' ? { kind, ...(await freshPostgresSchema()) } : { kind, dataDir: mkdtempSync(join(tmpdir(), 'werkvloer-server-')) });
  const opened = await createDb(storage.kind === 'postgres' ? { dataDir: '', databaseUrl: storage.url } : { dataDir: storage.dataDir });
  const catalog = await ScenarioCatalog.open(opened.db, opts.current ?? readScenes(root));
  const sqliteFile = opened.kind === 'sqlite' ? opened.location : undefined;
  const app = await buildApp({ db: opened.db, dbKind: opened.kind, catalog, sqliteFile, now: opts.now ?? (() => new Date('2026-11-26T09:00:10.000Z')), publicUrl: opts.publicUrl, serverSecret: opts.serverSecret, forwarder: opts.forwarder, ...opts.app });
  return {
    app,
    db: opened.db,
    catalog,
    kind,
    storage,
    /** The SQLite folder (empty for PostgreSQL). */
    dataDir: storage.kind === 'sqlite' ? storage.dataDir : '',
    /** Stops the server; the data stays for `reuse` (a restart). */
    async stop() {
      await app.close();
      await opened.db.destroy();
    },
    async close() {
      await this.stop();
      await dropStorage(storage);
    },
  };
}

export type TestStorage = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string; drop(): Promise<void> };

export async function dropStorage(storage: TestStorage): Promise<void> {
  if (storage.kind === 'postgres') await storage.drop();
  else rmSync(storage.dataDir, { recursive: true, force: true });
}
