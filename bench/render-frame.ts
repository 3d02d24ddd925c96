// Render, frame and load figures in Debian Chromium (SwiftShader): counts at the work position,
// per-frame script time and heap growth beside the same scene drawn by a bare three.js loop, and the
// app's own time to the first station frame beside a naive R3F app. Times vary ±30% under
// SwiftShader: runs alternate app and baseline and report medians and ratios; nothing passes or fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { stationFolders } from '../tests/e2e/support/stations';
import { bareLoop, commitCounter, loadMarks, nameShim, type LoadMarks } from './support/page-scripts';
import { serveStatic } from './support/static-server';
import { median, type BenchModule, type BenchRow } from './types';

const root = process.cwd();
const RUNS = 3;
const FRAMES = 600;

async function buildFixture(name: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(root, 'bench/fixtures', name),
    base: `/${name}/`,
    logLevel: 'silent',
    plugins: [react()],
    resolve: { dedupe: ['three'] },
    build: { outDir, emptyOutDir: true },
  });
}

const frames = (page: Page, app: boolean) => page.evaluate((isApp) => (isApp ? window.__werkvloer?.counts.frames : (window as unknown as { __bench?: { frames: number } }).__bench?.frames) ?? 0, app);

const commitsSoFar = (page: Page) => page.evaluate(() => (window as unknown as { __commits?: number }).__commits ?? 0);

/**
 * Steady state: the overlay's extras load once the instruction panel is there (src/state/late-ui.ts)
 * and commit when they arrive, so wait until 2 s pass without a commit (at most 20 s; a page that
 * keeps committing is then measured as it is: its row shows the commits). Sleeps, not waitForFunction:
 * polling inside the page slows its frames.
 */
async function settle(page: Page): Promise<void> {
  let last = await commitsSoFar(page);
  let quietSince = Date.now();
  const end = Date.now() + 20_000;
  while (Date.now() < end && Date.now() - quietSince < 2_000) {
    await page.waitForTimeout(250);
    const now = await commitsSoFar(page);
    if (now !== last) [last, quietSince] = [now, Date.now()];
  }
}

/** The app's load, from the page's own marks: without the bench's clicks, and with them. */
interface Load {
  ownMs: number;
  startScreenMs: number;
  clickToFrameMs: number;
  withClicksMs: number;
}

async function openStation(page: Page, url: string, folder: string, vr: boolean): Promise<Load> {
  await page.goto(vr ? `${url}/?emulate=quest3` : `${url}/`);
  await page.locator(`[data-station="${folder}"]`).click();
  await page.locator(vr ? '[data-action="enter-vr"]' : '[data-action="play-desktop"]').click();
  await page.waitForFunction(() => window.__werkvloer?.counts.firstStationFrameMs != null, undefined, { timeout: 60_000 });
  await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });
  if (vr) await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
  else await settle(page);
  const m = await page.evaluate(() => ({ ...(window as unknown as { __load: LoadMarks }).__load, frame: window.__werkvloer!.counts.firstStationFrameMs, commits: (window as unknown as { __commits?: number }).__commits ?? 0 }));
  // The start screen and the station are React commits: none counted means the hook never installed.
  if (m.commits === 0) throw new Error('the React commit counter saw no commit while the station opened');
  if (m.startScreenMs === null || m.playClickMs === null || m.frame === null) throw new Error(`load marks missing: ${JSON.stringify(m)}`);
  return { ownMs: m.startScreenMs + (m.frame - m.playClickMs), startScreenMs: m.startScreenMs, clickToFrameMs: m.frame - m.playClickMs, withClicksMs: m.frame };
}

/** Script and task time per frame (DevTools protocol), heap growth and React commits over FRAMES frames. */
async function frameCost(page: Page, app: boolean) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const metric = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')).metrics as { name: string; value: number }[]).map((m) => [m.name, m.value]));
  const before = await metric();
  const commits0 = await commitsSoFar(page);
  const f0 = await frames(page, app);
  // Sleep and look, rather than waitForFunction: its polling inside the page slows the very frames
  // being measured (a bare three.js page dropped from ~118 to ~25 fps under it).
  while ((await frames(page, app)) < f0 + FRAMES) await page.waitForTimeout(500);
  const f1 = await frames(page, app);
  const commits1 = await commitsSoFar(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await metric();
  await cdp.detach();
  const n = f1 - f0;
  return {
    scriptMsPerFrame: ((after.ScriptDuration! - before.ScriptDuration!) * 1000) / n,
    taskMsPerFrame: ((after.TaskDuration! - before.TaskDuration!) * 1000) / n,
    heapGrowthKb: (after.JSHeapUsedSize! - before.JSHeapUsedSize!) / 1024,
    commitsPerFrame: (commits1 - commits0) / n,
  };
}

/** The same page, the same scene, drawn by a plain requestAnimationFrame loop (support/page-scripts.ts). */
async function bareCost(page: Page) {
  await page.evaluate(bareLoop, 'start' as const);
  await page.waitForFunction(() => ((window as unknown as { __bench?: { frames: number } }).__bench?.frames ?? 0) > 30);
  try {
    return await frameCost(page, false);
  } finally {
    await page.evaluate(bareLoop, 'stop' as const);
  }
}

async function counts(page: Page) {
  return page.evaluate(() => ({ ...window.__werkvloer!.counts }));
}

type Max = { calls: number; triangles: number; programs: number; textures: number };
const maxOf = (a: Max, c: Max): Max => ({ calls: Math.max(a.calls, c.calls), triangles: Math.max(a.triangles, c.triangles), programs: Math.max(a.programs, c.programs), textures: Math.max(a.textures, c.textures) });

/** Desktop: a full turn with the arrow keys (src/play/desktop-look.tsx turns π/24 a press), 45° at a time. */
async function desktopTurn(page: Page): Promise<Max & { turned: number }> {
  let max: Max = { calls: 0, triangles: 0, programs: 0, textures: 0 };
  const start = await page.evaluate(() => window.__werkvloer!.viewerHeading());
  let turned = 0;
  let last = start;
  for (let i = 0; i < 8; i++) {
    if (i > 0) for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowLeft');
    const f = await frames(page, true);
    await page.waitForFunction((t) => (window.__werkvloer?.counts.frames ?? 0) >= t, f + 3);
    max = maxOf(max, await counts(page));
    const h = await page.evaluate(() => window.__werkvloer!.viewerHeading());
    turned += Math.abs(Math.atan2(Math.sin(h - last), Math.cos(h - last)));
    last = h;
  }
  // The last 45° back to the start is the first view again.
  return { ...max, turned: ((turned + Math.PI / 4) * 180) / Math.PI };
}

async function xrTurn(page: Page) {
  let calls = 0;
  let triangles = 0;
  let programs = 0;
  let textures = 0;
  for (let i = 0; i < 8; i++) {
    await page.evaluate((a) => {
      const d = window.__werkvloerEmulator as { quaternion: { set(x: number, y: number, z: number, w: number): void } };
      d.quaternion.set(0, Math.sin(a / 2), 0, Math.cos(a / 2));
    }, (i * Math.PI) / 4);
    const f = await frames(page, true);
    await page.waitForFunction((t) => (window.__werkvloer?.counts.frames ?? 0) >= t, f + 3);
    const c = await counts(page);
    calls = Math.max(calls, c.calls);
    triangles = Math.max(triangles, c.triangles);
    programs = Math.max(programs, c.programs);
    textures = Math.max(textures, c.textures);
  }
  return { calls, triangles, programs, textures };
}

export const renderFrame: BenchModule = {
  name: 'render',
  async run(): Promise<BenchRow[]> {
    const tmp = mkdtempSync(join(tmpdir(), 'werkvloer-bench-render-'));
    let browser: Browser | undefined;
    const served = { close: () => {} };
    try {
      await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: join(tmp, 'app'), emptyOutDir: true } });
      await buildFixture('naive-r3f', join(tmp, 'naive-r3f'));
      const { url, server } = await serveStatic({ '/naive-r3f/': join(tmp, 'naive-r3f'), '/': join(tmp, 'app') });
      served.close = () => server.close();
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-features=WebXR', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
      });
      const context = await browser.newContext({ viewport: { width: 640, height: 400 } });
      await context.addInitScript({ content: nameShim });
      await context.addInitScript(commitCounter);
      await context.addInitScript(loadMarks);
      // A headset that has done the VR tutorial (as tests/e2e/support/browser.ts): else entering VR
      // plays the tutorial room first, and every station would measure that room.
      await context.addInitScript(() => {
        if (localStorage.getItem('werkvloer.comfort') === null) localStorage.setItem('werkvloer.comfort', '{"tutorial":false}');
      });
      const rows: BenchRow[] = [];
      // A fresh page for every measurement: an unthrottled render loop can starve a navigation.
      const fresh = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
        const page = await context.newPage();
        try {
          return await fn(page);
        } finally {
          await page.close();
        }
      };

      const folders = stationFolders(root);
      const loadApp = new Map<string, Load[]>(folders.map((f) => [f, []]));
      for (const folder of folders) {
        const desk = await fresh(async (page) => {
          loadApp.get(folder)!.push(await openStation(page, url, folder, false));
          return desktopTurn(page);
        });
        rows.push({ area: 'render', name: `${folder} desktop draw calls, max over a turn at the work position`, value: desk.calls, unit: 'calls', note: `${desk.triangles} triangles, ${desk.programs} programs, ${desk.textures} textures; turned ${desk.turned.toFixed(0)}°` });
        const vr = await fresh(async (page) => {
          await openStation(page, url, folder, true);
          return { ...(await xrTurn(page)), objects: await page.evaluate(() => window.__werkvloer!.objectIds().length) };
        });
        rows.push({ area: 'render', name: `${folder} VR draw calls per frame (both eyes), max over a turn`, value: vr.calls, unit: 'calls', baseline: '≤ 100', note: `${vr.triangles} triangles (≤ 300k), ${vr.programs} programs, ${vr.textures} textures; ${vr.objects} interactables` });
      }

      // Frame cost and load: app and baseline alternate so drift hits both alike. Each run opens
      // every station once and measures the app's frames and the bare loop's on the same page, the
      // order swapped every run; then the naive app's load. Medians over RUNS runs.
      type Cost = Awaited<ReturnType<typeof frameCost>>;
      const app = new Map<string, Cost[]>(folders.map((f) => [f, []]));
      const bare = new Map<string, Cost[]>(folders.map((f) => [f, []]));
      const loadNaive: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        for (const folder of folders) {
          await fresh(async (page) => {
            // The first open of each station above counts too: RUNS + 1 loads, the first with a cold cache.
            loadApp.get(folder)!.push(await openStation(page, url, folder, false));
            if (run % 2 === 0) {
              app.get(folder)!.push(await frameCost(page, true));
              bare.get(folder)!.push(await bareCost(page));
            } else {
              bare.get(folder)!.push(await bareCost(page));
              app.get(folder)!.push(await frameCost(page, true));
            }
          });
        }
        await fresh(async (page) => {
          await page.goto(`${url}/naive-r3f/`);
          await page.waitForFunction(() => (window as unknown as { __bench?: { firstFrameMs: number | null } }).__bench?.firstFrameMs != null, undefined, { timeout: 60_000 });
          loadNaive.push(await page.evaluate(() => (window as unknown as { __bench: { firstFrameMs: number } }).__bench.firstFrameMs));
        });
      }
      const m = (xs: Cost[], k: keyof Cost) => median(xs.map((x) => x[k]));
      const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
      const ms = (x: number) => `${x.toFixed(0)} ms`;
      const bareNote = "bare: the same page's renderer, scene and camera drawn by a plain requestAnimationFrame loop with R3F's loop stopped (no useFrame, no R3F or app per-frame work)";
      for (const folder of folders) {
        const a = app.get(folder)!;
        const b = bare.get(folder)!;
        const loads = loadApp.get(folder)!;
        const own = median(loads.map((l) => l.ownMs));
        rows.push(
          { area: 'frame', name: `${folder}: React commits per steady-state frame (desktop)`, value: m(a, 'commitsPerFrame'), unit: 'commits', baseline: '0 expected', note: `counted by React's commit hook (checked to have seen the station's commits), after 2 s without a commit; bare loop ${m(b, 'commitsPerFrame').toFixed(2)}` },
          { area: 'frame', name: `${folder}: script time per frame (median of ${RUNS})`, value: m(a, 'scriptMsPerFrame'), unit: 'ms', baseline: `${m(b, 'scriptMsPerFrame').toFixed(3)} bare`, note: `${ratio(m(a, 'scriptMsPerFrame'), m(b, 'scriptMsPerFrame'))}; ${bareNote}; SwiftShader stalls inside WebGL calls count as script` },
          { area: 'frame', name: `${folder}: task time per frame (median of ${RUNS})`, value: m(a, 'taskMsPerFrame'), unit: 'ms', baseline: `${m(b, 'taskMsPerFrame').toFixed(3)} bare`, note: `${ratio(m(a, 'taskMsPerFrame'), m(b, 'taskMsPerFrame'))}; same bare loop` },
          { area: 'frame', name: `${folder}: JS heap growth over ${FRAMES} frames (after GC)`, value: m(a, 'heapGrowthKb'), unit: 'KB', baseline: `${m(b, 'heapGrowthKb').toFixed(1)} bare`, note: 'same bare loop' },
          {
            area: 'load',
            name: `${folder}: app's own time to first station frame (desktop, median of ${RUNS + 1})`,
            value: own,
            unit: 'ms',
            baseline: `${median(loadNaive).toFixed(0)} naive`,
            note: `${ratio(own, median(loadNaive))}; navigation → start screen's station buttons in a frame (${ms(median(loads.map((l) => l.startScreenMs)))}) + click on "play on this computer" → first frame with the station (${ms(median(loads.map((l) => l.clickToFrameMs)))}), the bench's wait between (its station click) not counted; with the bench's clicks ${ms(median(loads.map((l) => l.withClicksMs)))}; naive: navigation → first frame of the naive R3F + xr + drei app`,
          },
        );
      }
      return rows;
    } finally {
      await browser?.close();
      served.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
