import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { BenchModule, BenchRow } from './types';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

const root = process.cwd();
const gz = (dir: string, file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

/** Files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(m: Manifest, keys: string[]): Set<string> {
  const out = new Set<string>();
  const visit = (k: string) => {
    const c = m[k];
    if (!c || out.has(c.file)) return;
    out.add(c.file);
    for (const i of c.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return out;
}

async function viteBuild(configFile: string | false, rootDir: string, outDir: string): Promise<Manifest> {
  await build({
    configFile,
    root: rootDir,
    logLevel: 'silent',
    plugins: configFile ? [] : [react()],
    resolve: configFile ? {} : { dedupe: ['three'] },
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

const sum = (dir: string, files: Iterable<string>) => [...files].reduce((n, f) => n + gz(dir, f), 0);

/** Bundle sizes (gzip -9) of the trainee app beside a naive R3F + xr + drei app, built in the same run. */
export const bundleSize: BenchModule = {
  name: 'bundle',
  async run(): Promise<BenchRow[]> {
    const tmp = mkdtempSync(join(tmpdir(), 'werkvloer-bench-bundle-'));
    try {
      const appDir = join(tmp, 'app');
      const naiveDir = join(tmp, 'naive');
      const app = await viteBuild(join(root, 'vite.config.ts'), root, appDir);
      const naive = await viteBuild(false, join(root, 'bench/fixtures/naive-r3f'), naiveDir);
      const naiveFirstFrame = sum(naiveDir, staticClosure(naive, ['index.html']));
      const entry = staticClosure(app, ['index.html']);
      const xr = staticClosure(app, ['src/play/xr-runtime.ts']);
      const rows: BenchRow[] = [];
      // Per station: the entry, the station's chunks and what they import (and in VR the XR stack). A
      // station drawn from layout.json is a composition the build makes (scripts/vite-stations.ts), with
      // the station.tsx of its own parts, if it has one, beside it.
      const folders = new Set<string>();
      for (const key of Object.keys(app)) {
        const composed = /^virtual:werkvloer\/composition\/(.+)$/.exec(key)?.[1];
        const handBuilt = /^scenes\/(.+)\/station\.tsx$/.exec(key)?.[1];
        const folder = composed ?? handBuilt;
        if (folder && !folder.startsWith('_')) folders.add(folder);
      }
      for (const station of [...folders].sort()) {
        const keys = [`virtual:werkvloer/composition/${station}`, `scenes/${station}/station.tsx`].filter((k) => app[k]);
        const desktop = new Set([...entry, ...staticClosure(app, keys)]);
        const vr = new Set([...desktop, ...xr]);
        const own = keys.map((k) => gz(appDir, app[k]!.file)).reduce((a, b) => a + b, 0);
        // A static estimate: every static import of the station's chunks and of the whole XR stack. What
        // the budgets (300,000 B desktop, 335,000 B VR) hold is measured in the browser at the first frame (tests/e2e, the
        // station files' `[budget]` lines): parts of these load only after it, and lazy ones before it.
        rows.push(
          { area: 'bundle', name: `${station}: JS to the first frame, desktop (gzip, static estimate)`, value: sum(appDir, desktop), unit: 'B', baseline: `${naiveFirstFrame} naive`, note: `station chunks ${own} B; budget measured in e2e` },
          { area: 'bundle', name: `${station}: JS to the first frame, VR (gzip, static estimate)`, value: sum(appDir, vr), unit: 'B', baseline: `${naiveFirstFrame} naive`, note: '+ whole XR stack (emulator not counted); budget measured in e2e' },
        );
      }
      const dashboard = app['dashboard.html'];
      if (dashboard) {
        const files = staticClosure(app, ['dashboard.html']);
        rows.push({ area: 'bundle', name: 'trainer dashboard JS (gzip)', value: sum(appDir, files), unit: 'B', baseline: '≤ 200,000', note: `${files.size} files, no three.js` });
      }
      // The replay page (issue 28) is a build of its own into the same folder (scripts/vite-replay-page.ts).
      const replayManifest = join(appDir, '.vite/replay-manifest.json');
      if (existsSync(replayManifest)) {
        const replay = JSON.parse(readFileSync(replayManifest, 'utf8')) as Manifest;
        const files = staticClosure(replay, ['replay.html']);
        rows.push({ area: 'bundle', name: 'session replay page JS (gzip)', value: sum(appDir, files), unit: 'B', note: `${files.size} files; the trainer's and trainee's replay, loaded only from the dashboard or the end screen` });
      }
      const lazy: Record<string, string> = { 'src/play/instruction-panel.tsx': 'instruction panel + text (lazy)', 'src/play/xr-runtime.ts': 'XR stack (lazy)' };
      for (const [key, label] of Object.entries(lazy)) {
        // The chunk and what it imports that the entry does not already bring.
        if (app[key]) rows.push({ area: 'bundle', name: `${label} (gzip)`, value: sum(appDir, [...staticClosure(app, [key])].filter((f) => !entry.has(f))), unit: 'B' });
      }
      const assets = readdirSync(appDir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && !d.name.endsWith('.js') && !d.name.endsWith('.map') && !d.parentPath.includes('.vite'))
        .map((d) => ({ file: relative(appDir, join(d.parentPath, d.name)), bytes: statSync(join(d.parentPath, d.name)).size }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 4);
      for (const a of assets) rows.push({ area: 'bundle', name: `largest asset ${a.file}`, value: a.bytes, unit: 'B', note: 'raw, loaded on demand' });
      return rows;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
