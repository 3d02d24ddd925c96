import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, scenarioHash, score, type Scenario, type SessionEvent } from '../../src/engine';
import { buildApp } from '../../src/server/app';
import { createDb } from '../../src/server/db/create-db';
import { ScenarioCatalog, readScenes, type CatalogEntry } from '../../src/server/scenario-catalog';

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
 * The API on a throwaway SQLite file. `current` replaces the repo's scenes (a server that has
 * moved on); `dataDir` reuses the database of an earlier start.
 */
export async function testApp(opts: { current?: CatalogEntry[]; dataDir?: string; keep?: boolean } = {}) {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'werkvloer-server-'));
  const opened = await createDb({ dataDir });
  const catalog = await ScenarioCatalog.open(opened.db, opts.current ?? readScenes(root));
  const app = await buildApp({ db: opened.db, dbKind: opened.kind, catalog, now: () => new Date('2026-11-26T09:00:10.000Z') });
  return {
    app,
    db: opened.db,
    dataDir,
    async close() {
      await app.close();
      await opened.db.destroy();
      if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
