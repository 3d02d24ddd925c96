// Writes a rule path (scenes/<sector>/<station>/rule-paths/<rule>.json, in the ideal-path format) for
// every rule of every station that has none: the shortest path the real engine scores with the rule
// broken — a prefix of the ideal path, perhaps with one of its events left out (and the item the rule
// needs worn put on first), then the rule's own event — whose every event a placed part can make
// (tests/scenes/support/station-parts.tsx renders the station to check). Rules no such path breaks are
// listed at the end. Needs Vite (import.meta.glob), so it runs under vitest:
//   npx vitest run --config scripts/find-rule-paths.config.ts
// tests/scenes/rule-paths.test.ts then checks every file, whoever wrote it.
import '../tests/scenes/support/no-text';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'vitest';
import { loadScene } from './check-scenes';
import { score, type Scenario } from '../src/engine';
import type { PathEvent } from '../tests/e2e/support/path-plan';
import { checkPathAgainstParts } from '../tests/scenes/support/station-parts';
import { stationFolders } from '../tests/e2e/support/stations';

const root = process.cwd();

const fires = (sc: Scenario, events: readonly PathEvent[], rule: string) =>
  (['practice', 'exam'] as const).every((mode) => score(sc, events.map((e) => ({ ...e, device: 'desktop' as const })), mode).violations.some((v) => v.rule === rule));

function* candidates(ideal: readonly PathEvent[], trigger: (t: number) => PathEvent, first: PathEvent[]): Generator<PathEvent[]> {
  // Whole prefixes first, then prefixes with one event left out.
  for (const dropping of [false, true])
    for (let k = 0; k <= ideal.length; k++) {
      const prefix = ideal.slice(0, k);
      for (let drop = dropping ? 0 : -1; drop < (dropping ? k : 0); drop++) {
        const kept = [...first, ...(drop < 0 ? prefix : prefix.filter((_, i) => i !== drop))];
        const last = kept.at(-1)?.t ?? 0;
        for (const dt of [1000, 3000, 11_000]) yield [...kept, trigger(last + dt)];
      }
    }
}

test('rule paths for every rule that has none', { timeout: 3_600_000 }, async () => {
  const unfired: string[] = [];
  for (const folder of stationFolders(root)) {
    const dir = join(root, 'scenes', folder);
    const scene = loadScene(root, join(dir, 'scenario.json'));
    const sc = scene.scenario!;
    const ideal: PathEvent[] = (scene.idealPath ?? []).map(({ t, action, object, value }) => (value === undefined ? { t, action, object } : { t, action, object, value }));
    for (const rule of sc.rules) {
      const file = join(dir, 'rule-paths', `${rule.id}.json`);
      if (existsSync(file)) continue;
      const on = rule.on as { action: string; object: string; value?: number | string };
      const trigger = (t: number): PathEvent => ({ t, action: on.action, object: on.object, ...(on.value === undefined ? {} : { value: on.value }) });
      const wearing = (rule.when as { wearing?: string } | undefined)?.wearing;
      const first: PathEvent[] = wearing ? [{ t: 500, action: 'wear', object: wearing }] : [];
      let found: PathEvent[] | null = null;
      let checked = 0;
      for (const c of candidates(ideal, trigger, first)) {
        if (!fires(sc, c, rule.id)) continue;
        if (++checked > 150) break;
        if ((await checkPathAgainstParts(folder, c, sc)).refused === null) {
          found = c;
          break;
        }
      }
      if (!found) {
        unfired.push(`${folder}: ${rule.id}`);
        continue;
      }
      console.log(`${relative(root, file)}: ${found.length} events`);
      mkdirSync(join(dir, 'rule-paths'), { recursive: true });
      const body = { $comment: `Rule path: ${rule.id} (${rule.severity}). Found by scripts/find-rule-paths.tsx: the ideal path's first events, then the rule's own; every event made by a placed part.`, events: found };
      writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
    }
  }
  if (unfired.length > 0) console.log(`no producible path found:\n  ${unfired.join('\n  ')}`);
});
