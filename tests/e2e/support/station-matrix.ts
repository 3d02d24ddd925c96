import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { loadScene } from '../../../scripts/check-scenes';
import { score, type SessionEvent } from '../../../src/engine';
import { heading } from './aim';
import { emulatorOnlyFiles, firstFrameFiles, gzipBytes, idleLoadedOnly, stationChunkFile } from './bundle';
import { waitForFrames } from './browser';
import { storedSessions, type StoredSession } from './database';
import { logBusiestDesktopFrame } from './desktop-busiest-frame';
import { nextFrames, setPose, waitForControllerModels } from './emulator';
import { chooseExam } from './exam-attempt';
import { guardedPageForTests } from './guarded-page-for-tests';
import type { PathEvent } from './path-plan';
import { hiddenPanelParts, panelStillHidden } from './panel-in-view';
import { smallPanelTexts } from './panel-text-size';
import { phaseTimes, type PhaseTimes } from './phase-times';
import { sceneSettled } from './scene-settled';
import { saveScreenshot } from './screenshots';
import { deviceOf, gateFrames, gatedFramesLine, playPath, playRenderScale, renderScale, withFramesFlowing, type Way } from './station-driver';
import { expectBusiestXrFrameWithinBudget, xrFrameBudget } from './xr-budget';

/**
 * The JavaScript budget every station inherits: gzip bytes until the first station frame. Issue 2's
 * ceiling was 350,000 B; issue 19 moves it to 300,000 B desktop and 335,000 B VR so the start
 * screen's later parts fit under the ceiling (stations measured 287.6–293.9 KB desktop and
 * 312.6–319.0 KB VR once three's unused material shaders and shadow map left the first frame).
 */
export const javascriptBudget = { desktop: 300_000, vr: 335_000 };

/**
 * The windows the paths are played in: smaller, because SwiftShader draws every pixel on the CPU and a
 * station run keeps both cores busy (89 % measured), so pixels are time. The first view, the
 * screenshots and the station's own text checks are taken at the review size (`viewport`); the path
 * in between is played in these. Measured on the panel saw: mouse path 14.2 -> 12.2 s at 800x500
 * (640x400 was faster still, but there the overlay left the CNC router no empty spot to turn the view
 * by, and a sewing panel's drop zone out of reach), VR path 14.9 -> 12.6 s at 320x200 (the
 * text size check is by angle, not pixels). The desktop path is drawn at the driver's render scale
 * in that window (playRenderScale, station-driver.ts): at 400x250 device pixels a frame of the panel
 * saw cost the browser 41-62 CPU-ms against 101-146 at 800x500 (panel saw and CNC router, measured in
 * one page, scales alternated), with every pointer on the same CSS pixel.
 */
export const playWindow = { desktop: { width: 800, height: 500 }, vr: { width: 320, height: 200 } };
const reviewWindow = { desktop: { width: 1024, height: 640 }, vr: { width: 640, height: 400 } };

/**
 * The page at another window size (and render scale), drawn at it (two frames: the resize, then a
 * frame at the new size).
 */
async function resized(page: Page, size: { width: number; height: number }, scale: number | null = null): Promise<void> {
  await renderScale(page, scale);
  await page.setViewportSize(size);
  // Two more frames (waitForFrames counts from the page's first frame: it had long been passed here).
  await nextFrames(page, 2);
}

/** The desktop play window at the play render scale (station-driver.ts): the mouse path is played in it. */
const playing = (page: Page) => resized(page, playWindow.desktop, playRenderScale);

/**
 * The emulated headset's framebuffer made smaller once the review screenshot is taken: three.js keeps
 * its size while presenting, and the emulator (IWER) draws each eye into the canvas's own pixels,
 * which it reads every frame, so the canvas itself gets fewer of them.
 */
async function smallerXrFramebuffer(page: Page, size: { width: number; height: number }): Promise<void> {
  const drawn = await page.evaluate((s) => {
    const canvas = [...document.querySelectorAll('canvas')].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (!canvas) return null;
    canvas.width = s.width;
    canvas.height = s.height;
    return [canvas.width, canvas.height];
  }, size);
  expect(drawn).toEqual([size.width, size.height]);
  await nextFrames(page, 2);
}

export interface MatrixOptions {
  /** The window of the desktop run's first view, screenshots and checks (the path itself is played in `playWindow.desktop`). */
  viewport?: { width: number; height: number };
  /** The critical rule the exam attempt breaks, played from `rule-paths/<rule>.json`. */
  criticalRule: string;
  /** Screenshots to take before the move with this index of the desktop ideal path (name → move index). */
  screenshots?: Record<string, number>;
  /** The language the mouse run is played in (picked on the start screen); the browser's suggestion (nl) when absent. */
  language?: string;
  /** The station's own checks, made inside the mouse run (numbers in the world in that language, text layout). */
  checks?: StationChecks;
}

/** Checks a station adds to its mouse run instead of a run of their own. */
export interface StationChecks {
  /** Once the station is drawn and settled, before the path. */
  opened?(page: Page): Promise<void>;
  /** After the path scored 100 and was stored. */
  played?(page: Page): Promise<void>;
}

export interface OpenOptions {
  times?: PhaseTimes;
  /** Picked on the start screen before the station. */
  language?: string;
  /** The page lists the kit test scene (the test build's `?kit-scene`, scripts/vite-stations.ts). */
  kitScene?: boolean;
  /** In the headset: the trainee plays seated (the headset remembers it), eyes at 1.2 m. */
  seated?: boolean;
}

const root = process.cwd();
const readPath = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { events: PathEvent[] }).events;

/** Scripts loaded when the first frame with the station was drawn, as the render probe noted them. */
/**
 * The scripts a station's first frame waited for: without what the start screen loads once idle (the
 * outbox, the service worker). On a loaded machine the start screen can sit idle before the test picks
 * the station; those files then load before the first frame without being on its way. Only files
 * requested before the station's own chunk (so before the station was chosen) are left out.
 */
async function withoutIdleLoads(page: Page, scripts: readonly string[], folder: string): Promise<string[]> {
  const started = new Map(
    await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime] as [string, number])),
  );
  const chosenAt = started.get(`/${stationChunkFile(folder)}`) ?? 0;
  const idle = new Set(idleLoadedOnly(scripts).filter((s) => (started.get(s) ?? Infinity) < chosenAt));
  if (idle.size > 0) console.info(`[budget] ${folder}: not counted, loaded by the idle start screen before the station was chosen: ${[...idle].map((s) => `${s} ${gzipBytes(s)} B`).join(', ')}`);
  return scripts.filter((s) => !idle.has(s));
}

async function scriptsAtFirstStationFrame(page: Page): Promise<string[]> {
  await page.waitForFunction(() => window.__werkvloer?.counts.scriptsAtFirstStationFrame != null, undefined, { timeout: 60_000 });
  return (await page.evaluate(() => window.__werkvloer!.counts.scriptsAtFirstStationFrame))!;
}

export async function storedRow(page: Page): Promise<StoredSession> {
  await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
  const id = await page.locator('[data-session-id]').getAttribute('data-session-id');
  const row = storedSessions(inject('dataDir')).find((r) => r.id === id);
  expect(row, 'the row of this very session').toBeDefined();
  return row!;
}

/**
 * Starts the chosen station on the computer or in the emulated headset and waits until its parts are
 * there.
 */
async function start(page: Page, vr: boolean, times?: PhaseTimes, seated = false): Promise<void> {
  await page.locator(`[data-action="${vr ? 'enter-vr' : 'play-desktop'}"]`).click();
  if (vr) {
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    times?.mark('presenting');
    await setPose(page, 'headset', { position: [0, seated ? 1.2 : 1.6, 0], quaternion: { x: 0, y: 0, z: 0, w: 1 } });
    // Controllers can point once tracked and their models came (each press then waits for its ray to
    // hit: station-driver.ts); the panel follows the first frame.
    await page.waitForFunction(() => (window.__werkvloer?.trackedInputs() ?? 0) >= 2, undefined, { timeout: 60_000 });
    await waitForControllerModels(page);
    times?.mark('controllers');
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });
  }
  await waitForFrames(page, 5);
  // The test build's driver probe comes after the station's first frame (src/play/driver-probe.tsx).
  await page.waitForFunction(() => (window.__werkvloerDriver?.parts().length ?? 0) > 0, undefined, { timeout: 60_000 });
  times?.mark('parts');
}

/** Opens the station in practice on the computer or in the emulated headset, until its parts are there. */
export async function openStation(page: Page, folder: string, vr: boolean, { times, language, kitScene, seated }: OpenOptions = {}): Promise<void> {
  if (seated) {
    await page.addInitScript(() => localStorage.setItem('werkvloer.comfort', JSON.stringify({ seated: true, tutorial: false })));
  }
  const query = [vr ? 'emulate=quest3' : '', kitScene ? 'kit-scene' : ''].filter(Boolean).join('&');
  await page.goto(`${inject('baseUrl')}/${query ? `?${query}` : ''}`);
  if (language) {
    await page.locator(`[data-lang="${language}"]`).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
  }
  await page.locator(`[data-station="${folder}"]`).click();
  times?.mark('start screen');
  // Practice is what a headset nobody signed in to plays: no mode to pick. (A click more gives the
  // start screen's idle loads — outbox, service worker — time to begin before the station's first
  // frame, and the budget would count them.)
  await start(page, vr, times, seated);
}

/**
 * The browser part of the test matrix for one station (issue 20): its ideal path once by mouse and
 * once by the right VR controller — the JavaScript, draw call and triangle budgets and the
 * screenshots taken inside those same runs — and one critical violation in an exam attempt. Every
 * other input way is tested per kit part (tests/e2e/kit-parts.test.ts); every rule path in Node.
 */
export function stationMatrix(folder: string, opts: MatrixOptions): void {
  const dir = join(root, 'scenes', folder);
  const scenario = loadScene(root, join(dir, 'scenario.json')).scenario!;
  const ideal = readPath(join(dir, 'ideal-path.json'));
  const eventsOf = (row: StoredSession) => JSON.parse(row.events_json) as SessionEvent[];
  const name = folder.replace('/', '-');

  describe(`${folder}: ideal path by mouse, with budgets and screenshots`, () => {
    const review = opts.viewport ?? reviewWindow.desktop;
    const g = guardedPageForTests(review);

    test('mouse: the ideal path scores 100 and is stored; JavaScript to the first frame within budget; busiest desktop frame', async () => {
      const { page } = g;
      const times = phaseTimes(`${folder} mouse`);
      await openStation(page, folder, false, { times, language: opts.language });
      const scripts = await scriptsAtFirstStationFrame(page);
      const stationChunk = `/${stationChunkFile(folder)}`;
      expect([...scripts]).toContain(stationChunk);
      const counted = await withoutIdleLoads(page, scripts, folder);
      const bytes = counted.reduce((sum, s) => sum + gzipBytes(s), 0);
      console.info(`[budget] ${folder}: ${counted.length} scripts, ${bytes} B gzip (station chunk ${gzipBytes(stationChunk)} B of it)`);
      // What the browser loaded is what the build's chunk graph says the first frame needs: the Node
      // check over the build (first-frame-javascript.test.ts) counts the same files for every station.
      const languages = opts.language && opts.language !== 'nl' ? ['nl', opts.language] : ['nl'];
      expect(new Set(counted.map((s) => s.slice(1)))).toEqual(firstFrameFiles(folder, 'desktop', languages));
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(javascriptBudget.desktop);
      // The station at the work position as a trainee first sees it, for a reviewer (a picture is how a
      // person checks that a panel saw reads as a panel saw). What it waits for (texts typeset, pictures
      // come) does not depend on the pixels: it is waited for at the play render scale, and the picture
      // taken at full scale once that is drawn (a full-scale frame here costs ~250 CPU-ms).
      await renderScale(page, playRenderScale);
      await sceneSettled(page);
      await resized(page, review);
      await saveScreenshot(page, `station-${name}-desktop`);
      expect((await page.evaluate(() => window.__werkvloer!.counts.calls)), 'the station is drawn').toBeGreaterThan(0);
      times.mark('settled');
      await opts.checks?.opened?.(page);
      times.mark('checks');
      await playing(page);
      // The canvas takes the smaller window on its next resize: asked again until it has.
      await expect
        .poll(() => renderScale(page, playRenderScale), { message: 'the path is drawn at the play render scale' })
        .toEqual({ width: playWindow.desktop.width * playRenderScale, height: playWindow.desktop.height * playRenderScale });
      const buffer = await renderScale(page, playRenderScale);
      const way: Way = { kind: 'mouse' };
      // How finely each scale sets (a value lands on the scale's nearest step).
      const stepOf = new Map<string, number>();
      // Frames drawn over the path: the figure that does not depend on how loaded the machine is.
      const framesBefore = await page.evaluate(() => window.__werkvloer!.counts.frames);
      await playPath(page, way, ideal, {
        beforeMove: async (move, i) => {
          if (move.part.operation.kind === 'set') stepOf.set(move.part.object, move.part.operation.step);
          for (const [name, at] of Object.entries(opts.screenshots ?? {})) {
            if (at !== i) continue;
            await withFramesFlowing(page, async () => {
              await resized(page, review);
              await saveScreenshot(page, name);
              await playing(page);
            });
          }
        },
        times,
      });
      times.mark('path');
      const pathFrames = (await page.evaluate(() => window.__werkvloer!.counts.frames)) - framesBefore;
      console.info(`[phases] ${folder} mouse: ${pathFrames} frames over the path at ${buffer.width}x${buffer.height}, ${((pathFrames * buffer.width * buffer.height) / 1e6).toFixed(1)} Mpixels; ${await gatedFramesLine(page)}`);
      await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');
      const row = await storedRow(page);
      times.mark('stored');
      expect(row).toMatchObject({ scenario_id: scenario.id, device: deviceOf(way), score: 100, passed: 1 });
      expect(score(scenario, eventsOf(row), 'practice').mistakes).toEqual([]);
      // The session holds the ideal path itself, in its order: every value set (on the scale's step),
      // every part placed where and in the order the path says, every danger area the path enters and
      // leaves. A pointer crossing a danger area on its way (harmless: the score is 100) may add some.
      const isZone = (e: { action: string }) => e.action === 'enter' || e.action === 'exit';
      const stored = eventsOf(row).filter((e) => !isZone(e));
      const keyOf = (e: { action: string; object: string }) => `${e.action} ${e.object}`;
      const storedZones = eventsOf(row).filter(isZone).map(keyOf);
      let from = 0;
      for (const z of ideal.filter(isZone).map(keyOf)) {
        const at = storedZones.indexOf(z, from);
        expect(at, `${z} in order among ${storedZones.join(', ')}`).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
      const steps = ideal.filter((e) => !isZone(e));
      expect(stored.map(keyOf)).toEqual(steps.map(keyOf));
      steps.forEach((e, i) => {
        const got = stored[i]!.value;
        if (typeof e.value === 'number') expect(Math.abs(Number(got) - e.value), `${e.action} ${e.object}: ${got} for ${e.value}`).toBeLessThanOrEqual((stepOf.get(e.object) ?? 0) / 2 + 1e-9);
        else expect(got, `${e.action} ${e.object}`).toEqual(e.value);
      });
      await resized(page, review);
      await opts.checks?.played?.(page);
      expect(g.consoleErrors).toEqual([]);
      await logBusiestDesktopFrame(page, folder);
      times.print();
    }, 420_000);
  });

  describe(`${folder}: ideal path by the right VR controller, with budgets`, () => {
    const g = guardedPageForTests(reviewWindow.vr);

    test('VR controller, entering through the Enter VR button: JavaScript within budget, a full turn and the busiest frame within the draw call and triangle budget, the ideal path scores 100', async () => {
      const { page } = g;
      const times = phaseTimes(`${folder} VR`);
      const frames0 = { at: performance.now(), frames: 0 };
      await openStation(page, folder, true, { times });
      const scripts = await scriptsAtFirstStationFrame(page);
      expect(scripts.some((s) => s.includes('xr-runtime'))).toBe(true);
      const emulatorOnly = emulatorOnlyFiles();
      const stationChunk = `/${stationChunkFile(folder)}`;
      expect([...scripts]).toContain(stationChunk);
      // The emulator stands in for the headset: a real Quest never loads it.
      const counted = (await withoutIdleLoads(page, scripts, folder)).filter((s) => !emulatorOnly.has(s.slice(1)));
      const bytes = counted.reduce((sum, s) => sum + gzipBytes(s), 0);
      console.info(`[budget] ${folder} in VR: ${counted.length} scripts, ${bytes} B gzip (station chunk included, emulator not counted)`);
      expect(new Set(counted.map((s) => s.slice(1)))).toEqual(firstFrameFiles(folder, 'vr'));
      expect(emulatorOnly.size).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(javascriptBudget.vr);
      expect(scripts.some((s) => s.includes('GLTFLoader')), 'the glTF loader is not in the way of the first frame').toBe(false);
      await waitForControllerModels(page);
      times.mark('models');
      frames0.at = performance.now();
      frames0.frames = await page.evaluate(() => window.__werkvloer!.counts.frames);
      // The station as the trainee first sees it, at the review size; then the turn and the path in the
      // small framebuffer (same aspect, so the same views and draw calls, a quarter of the pixels).
      await sceneSettled(page);
      await saveScreenshot(page, `station-${name}-vr`);
      times.mark('settled');
      await smallerXrFramebuffer(page, playWindow.vr);
      // A full turn with everything in view (the instruction panel included) before the path, with frames
      // only when asked for (the frame gate: each heading asks for its two).
      await gateFrames(page, true);
      let maxCalls = 0;
      let maxTriangles = 0;
      for (let i = 0; i < 8; i++) {
        await setPose(page, 'headset', { quaternion: heading((i * Math.PI) / 4) });
        // The next frame draws the new view; the one after reads its counts (render-probe.tsx).
        await nextFrames(page, 2);
        const counts = await page.evaluate(() => ({ ...window.__werkvloer!.counts }));
        expect(counts.presenting).toBe(true);
        maxCalls = Math.max(maxCalls, counts.calls);
        maxTriangles = Math.max(maxTriangles, counts.triangles);
      }
      const panel = await page.evaluate(() => window.__werkvloerDriver!.drawnMeshesUnder('instruction-panel'));
      console.info(`[budget] ${folder}: max ${maxCalls} draw calls, ${maxTriangles} triangles per XR frame; of them the instruction panel ${2 * panel} (${panel} per eye)`);
      expect(panel, 'the instruction panel is drawn').toBeGreaterThan(0);
      expect(maxCalls).toBeGreaterThan(0);
      expect(maxCalls).toBeLessThanOrEqual(xrFrameBudget.drawCalls);
      expect(maxTriangles).toBeLessThanOrEqual(xrFrameBudget.triangles);
      await setPose(page, 'headset', { quaternion: heading(0) });
      await nextFrames(page, 2);
      await gateFrames(page, false);
      times.mark('full turn');

      // Every text of the instruction panel is large enough to read at its distance, and nothing of the
      // station stands between the eyes and the panel (issue 21): at the start, before every move of
      // the path (its feedback, the pointed word, the machine at work) and on the end screen.
      const small = await smallPanelTexts(page, 'at the start');
      const hidden = await hiddenPanelParts(page, 'at the start');
      const way: Way = { kind: 'controller', hand: 'right' };
      await playPath(page, way, ideal, {
        beforeMove: async (move, i) => {
          small.push(...(await smallPanelTexts(page, `before move ${i} (${move.part.object})`)));
          hidden.push(...(await hiddenPanelParts(page, `before move ${i} (${move.part.object})`)));
        },
        times,
      });
      times.mark('path');
      const framesNow = await page.evaluate(() => window.__werkvloer!.counts.frames);
      console.info(`[phases] ${folder} VR: ${framesNow - frames0.frames} XR frames in ${((performance.now() - frames0.at) / 1000).toFixed(1)} s of turn and path; ${await gatedFramesLine(page)}`);
      // The busiest moment of the whole scenario, both eyes (bench/busiest-frame.ts reads this line).
      await expectBusiestXrFrameWithinBudget(page, folder);
      await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');
      await nextFrames(page, 2);
      small.push(...(await smallPanelTexts(page, 'on the end screen')));
      hidden.push(...(await hiddenPanelParts(page, 'on the end screen')));
      expect(small, 'every panel text readable at its distance').toEqual([]);
      if (panelStillHidden.has(folder)) {
        // Whether a listed station is still hidden is held by the Node check (tests/play/panel-placement.test.tsx: a
        // 10 cm grid over the panel's fullest outline, failing once it is free); the panel as drawn here, seen at
        // its corners, edge middles and middle, may be clear while its fullest outline is not (the packaging line).
        console.info(`[panel] ${folder}: still hidden (${panelStillHidden.get(folder)}): ${hidden.length} findings, first ${hidden[0] ?? 'none'}`);
      } else expect(hidden, 'nothing between the eyes and the instruction panel').toEqual([]);
      const row = await storedRow(page);
      expect(row).toMatchObject({ scenario_id: scenario.id, device: deviceOf(way), score: 100, passed: 1 });
      expect(new Set(eventsOf(row).map((e) => e.device))).toEqual(new Set([deviceOf(way)]));
      expect(g.consoleErrors).toEqual([]);
      times.mark('stored');
      times.print();
    }, 420_000);
  });

  describe(`${folder}: a critical violation in an exam`, () => {
    // No screenshot nor text check here: the whole attempt in the small window.
    const g = guardedPageForTests(playWindow.desktop);

    // As long as the mouse and VR runs may take (420 s, not the 180 s default): a rule path of some
    // thirty moves by mouse (textile's took 128 s of a 162 s test on a loaded 2-core machine, over 180 s twice).
    test(`exam (unlocked by the trainer): the rule path ${opts.criticalRule} fails the attempt, as the server scores it`, async () => {
      const { page } = g;
      const rulePath = readPath(join(dir, 'rule-paths', `${opts.criticalRule}.json`));
      expect(scenario.rules.find((r) => r.id === opts.criticalRule)?.severity).toBe('critical');
      // Only a signed-in trainee whose exam a trainer unlocked may take it (the server refuses others).
      const trainee = await chooseExam(page, inject('baseUrl'), inject('dataDir'), folder, '', scenario.country ?? 'BE');
      await start(page, false);
      expect(await page.locator('[data-action="hint"]').count(), 'no hints in an exam').toBe(0);
      // Drawn at the play render scale (station-driver.ts), as the ideal path is.
      await playPath(page, { kind: 'mouse' }, rulePath);
      await expect.poll(() => page.locator('.hud.result .failed').count(), { timeout: 20_000 }).toBe(1);
      const row = await storedRow(page);
      expect(row).toMatchObject({ scenario_id: scenario.id, mode: 'exam', passed: 0, trainee_id: trainee.id });
      // The server's own scoring of the uploaded events, as stored.
      const result = JSON.parse(row.result_json) as { failedByCritical: boolean; violations: { rule: string; severity: string }[] };
      expect(result.failedByCritical).toBe(true);
      expect(result.violations).toContainEqual(expect.objectContaining({ rule: opts.criticalRule, severity: 'critical' }));
      // Sign the trainee out: a later file plays as a headset nobody signed in to.
      await page.goto(inject('baseUrl'));
      await page.locator('[data-action="next-trainee"]').click();
    }, 420_000);
  });
}
