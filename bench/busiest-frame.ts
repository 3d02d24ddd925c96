// The busiest XR frame of each station's scenario, from the VR play-throughs in tests/e2e: they play
// the ideal path through the real UI with an emulated controller or hands, and the render probe keeps
// the most draw calls and triangles of any frame while presenting (tests/e2e/support/xr-budget.ts
// logs them). Reused here rather than driving every station a second way; a station whose VR test
// does not record it gets a row saying so.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stationFolders } from '../tests/e2e/support/stations';
import type { BenchModule, BenchRow } from './types';

const root = process.cwd();
const line = /\[budget\] (\S+)(.*?): busiest XR frame of the session (\d+) draw calls, (\d+) triangles/g;

export const busiestFrame: BenchModule = {
  name: 'busiest',
  run(): BenchRow[] {
    const dir = join(root, 'tests/e2e');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && readFileSync(join(dir, f), 'utf8').includes('expectBusiestXrFrameWithinBudget('))
      .map((f) => `tests/e2e/${f}`);
    // The e2e server serves dist/app: build it from this tree first (global-setup reuses a stale one).
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
    // Only the VR tests of those files (`-t VR` matches their names): the desktop ones add nothing here.
    const run = spawnSync('npx', ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', ...files, '-t', 'VR'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const out = `${run.stdout}\n${run.stderr}`;
    const best = new Map<string, { calls: number; triangles: number; ways: string[] }>();
    for (const m of out.matchAll(line)) {
      const [, station, way, calls, triangles] = m as unknown as [string, string, string, string, string];
      const b = best.get(station) ?? { calls: 0, triangles: 0, ways: [] };
      best.set(station, { calls: Math.max(b.calls, Number(calls)), triangles: Math.max(b.triangles, Number(triangles)), ways: [...b.ways, way.replace(/^ with /, '') || 'controller'] });
    }
    const failed = run.status !== 0 ? `; the play-through run exited ${run.status} (see npm run test:e2e ${files.join(' ')})` : '';
    return stationFolders(root).map((folder) => {
      const b = best.get(folder);
      return b
        ? { area: 'render', name: `${folder} VR busiest frame of the ideal path (both eyes)`, value: b.calls, unit: 'calls', baseline: '≤ 150', note: `${b.triangles} triangles (≤ 300k); max over ${b.ways.join(', ')}${failed}` }
        : { area: 'render', name: `${folder} VR busiest frame of the ideal path (both eyes)`, value: null, unit: 'calls', baseline: '≤ 150', note: `not measured: no VR play-through in tests/e2e records it (expectBusiestXrFrameWithinBudget)${failed}` };
    });
  },
};
