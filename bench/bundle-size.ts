import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
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
      // Per station: the entry, the station's chunk and what it imports (and in VR the XR stack).
      for (const [key, c] of Object.entries(app)) {
        if (!key.startsWith('scenes/') || !key.endsWith('/station.tsx') || key.startsWith('scenes/_')) continue;
        const station = key.slice(7, -12);
        const desktop = new Set([...entry, ...staticClosure(app, [key])]);
        const vr = new Set([...desktop, ...xr]);
        rows.push(
          { area: 'bundle', name: `${station}: JS to the first frame, desktop (gzip)`, value: sum(appDir, desktop), unit: 'B', baseline: `${naiveFirstFrame} naive`, note: `budget 350,000; station chunk ${gz(appDir, c.file)} B` },
          { area: 'bundle', name: `${station}: JS to the first frame, VR (gzip)`, value: sum(appDir, vr), unit: 'B', baseline: `${naiveFirstFrame} naive`, note: 'budget 350,000; + lazy XR stack (emulator not counted)' },
        );
      }
      const dashboard = app['dashboard.html'];
      if (dashboard) {
        const files = staticClosure(app, ['dashboard.html']);
        rows.push({ area: 'bundle', name: 'trainer dashboard JS (gzip)', value: sum(appDir, files), unit: 'B', baseline: '≤ 200,000', note: `${files.size} files, no three.js` });
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
