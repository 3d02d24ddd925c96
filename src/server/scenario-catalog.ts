import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Kysely } from 'kysely';
import { parseScenario, scenarioHash, type Scenario, type ScenarioIssue } from '../engine';
import type { Database } from './db/schema';

export interface CatalogEntry {
  scenario: Scenario;
  hash: string;
}

export class InvalidScenesError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(`invalid scenarios:\n${issues.map((i) => `  ${i.file} ${i.path}: ${i.message}`).join('\n')}`);
  }
}

/** Reads and validates every scenes/<sector>/<station>/scenario.json (folders starting with _ are templates). */
export function readScenes(root: string, scenesDir = join(root, 'scenes')): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const issues: ScenarioIssue[] = [];
  for (const sector of readdirSync(scenesDir).sort()) {
    const sectorDir = join(scenesDir, sector);
    if (sector.startsWith('_') || !statSync(sectorDir).isDirectory()) continue;
    for (const station of readdirSync(sectorDir).sort()) {
      const file = join(sectorDir, station, 'scenario.json');
      if (!existsSync(file)) continue;
      const rel = relative(root, file);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        issues.push({ file: rel, path: '$', message: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      const parsed = parseScenario(data, rel);
      if (!parsed.ok) issues.push(...parsed.issues);
      else entries.push({ scenario: parsed.scenario, hash: scenarioHash(parsed.scenario) });
    }
  }
  if (issues.length > 0) throw new InvalidScenesError(issues);
  return entries;
}

/**
 * Every scenario version the server has ever published, by content hash. A headset with a cached
 * app may upload a session played on v1 after the server moved to v2: it is re-scored with v1.
 */
export class ScenarioCatalog {
  private readonly byHash = new Map<string, CatalogEntry>();
  /** Each current scenario's version: a learning path's major version of each module. */
  readonly versions: Readonly<Record<string, number>>;

  private constructor(
    private readonly db: Kysely<Database>,
    readonly current: readonly CatalogEntry[],
  ) {
    for (const e of current) this.byHash.set(e.hash, e);
    this.versions = Object.fromEntries(current.map((e) => [e.scenario.id, e.scenario.version]));
  }

  /** Stores the current scenes' versions (once per hash) and returns the catalog. */
  static async open(db: Kysely<Database>, current: readonly CatalogEntry[], now: () => Date = () => new Date()): Promise<ScenarioCatalog> {
    for (const e of current) {
      await db
        .insertInto('scenario_versions')
        .values({ hash: e.hash, scenario_id: e.scenario.id, version: e.scenario.version, content_json: JSON.stringify(e.scenario), first_seen_at: now().toISOString() })
        .onConflict((oc) => oc.column('hash').doNothing())
        .execute();
    }
    return new ScenarioCatalog(db, current);
  }

  /** By hash first (exact content); then by id and version (a hash the server never saw). */
  async find(hash: string, id: string, version: number): Promise<CatalogEntry | null> {
    const cached = this.byHash.get(hash);
    if (cached) return cached;
    const row = await this.db.selectFrom('scenario_versions').select(['hash', 'content_json']).where('hash', '=', hash).executeTakeFirst();
    if (row) return this.remember(row.hash, row.content_json);
    const same = this.current.find((e) => e.scenario.id === id && e.scenario.version === version);
    if (same) return same;
    const older = await this.db
      .selectFrom('scenario_versions')
      .select(['hash', 'content_json'])
      .where('scenario_id', '=', id)
      .where('version', '=', version)
      .orderBy('first_seen_at', 'desc')
      .executeTakeFirst();
    return older ? this.remember(older.hash, older.content_json) : null;
  }

  private remember(hash: string, json: string): CatalogEntry {
    const entry = { scenario: JSON.parse(json) as Scenario, hash };
    this.byHash.set(hash, entry);
    return entry;
  }
}
