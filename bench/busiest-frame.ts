// The busiest frame of each station's scenario, desktop and VR, from the play-throughs in tests/e2e:
// they play the ideal path through the real UI (the mouse; an emulated controller or hands), and the
// render probe keeps the most draw calls, triangles, programs and textures of any frame, desktop
// frames once the station is drawn and XR frames while presenting apart
// (tests/e2e/support/desktop-busiest-frame.ts and xr-budget.ts log them). Reused here rather than
// driving every station a second way; a station whose play-through does not record it gets a row
// saying so.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stationFolders } from '../tests/e2e/support/stations';
import type { BenchModule, BenchRow } from './types';

const root = process.cwd();
const line = /\[budget\] (\S+)(.*?): busiest (XR|desktop) frame of the session (\d+) draw calls, (\d+) triangles, (\d+) programs, (\d+) textures/g;
const helpers = { desktop: 'logBusiestDesktopFrame(', XR: 'expectBusiestXrFrameWithinBudget(', matrix: 'stationMatrix(' } as const;
// Only the ideal-path play-throughs of those files (their names say "ideal path", "play by mouse" or
// are vr-play's "VR: play the sample station"): the failure cases in the same files add nothing here.
const idealPaths = 'ideal path|play by mouse|VR: play the sample station';

type Busiest = { calls: number; triangles: number; programs: number; textures: number; ways: string[] };

export const busiestFrame: BenchModule = {
  name: 'busiest',
  run(): BenchRow[] {
    const dir = join(root, 'tests/e2e');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && Object.values(helpers).some((h) => readFileSync(join(dir, f), 'utf8').includes(h)))
      .map((f) => `tests/e2e/${f}`);
    // The e2e server serves the test build (dist/e2e): build it from this tree first (global-setup reuses a stale one).
    const build = spawnSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
    const run = spawnSync('npx', ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', ...files, '-t', idealPaths], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const out = `${run.stdout}\n${run.stderr}`;
    const best = new Map<string, Busiest>();
    for (const m of out.matchAll(line)) {
      const [, station, way, kind, ...figures] = m as unknown as [string, string, string, 'XR' | 'desktop', string, string, string, string];
      const [calls, triangles, programs, textures] = figures.map(Number) as [number, number, number, number];
      const key = `${kind} ${station}`;
      const b = best.get(key) ?? { calls: 0, triangles: 0, programs: 0, textures: 0, ways: [] };
      best.set(key, {
        calls: Math.max(b.calls, calls),
        triangles: Math.max(b.triangles, triangles),
        programs: Math.max(b.programs, programs),
        textures: Math.max(b.textures, textures),
        ways: [...b.ways, way.replace(/^ with /, '') || (kind === 'XR' ? 'controller' : 'mouse')],
      });
    }
    const failed = run.status !== 0 ? `; the play-through run exited ${run.status} (see npm run test:e2e ${files.join(' ')} -t '${idealPaths}')` : '';
    const rows: BenchRow[] = [];
    for (const folder of stationFolders(root)) {
      for (const kind of ['desktop', 'XR'] as const) {
        const b = best.get(`${kind} ${folder}`);
        const name = kind === 'XR' ? `${folder} VR busiest frame of the ideal path (both eyes)` : `${folder} desktop busiest frame of the ideal path`;
        const baseline = kind === 'XR' ? '≤ 100' : 'no budget';
        const limit = kind === 'XR' ? ' (≤ 300k)' : '';
        rows.push(
          b
            ? { area: 'render', name, value: b.calls, unit: 'calls', baseline, note: `${b.triangles} triangles${limit}, ${b.programs} programs, ${b.textures} textures; max over ${b.ways.join(', ')}${failed}` }
            : { area: 'render', name, value: null, unit: 'calls', baseline, note: `not measured: no ${kind === 'XR' ? 'VR' : 'desktop'} ideal-path play-through in tests/e2e records it (${helpers[kind].slice(0, -1)})${failed}` },
        );
      }
    }
    return rows;
  },
};
