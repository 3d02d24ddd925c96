// Finds spots for the VR instruction panel where nothing of the station hides it and it hides no
// part, at every moment of the ideal path, from standing and seated eyes (issue 21): the same check
// as tests/play/panel-placement.test.tsx, tried at every spot of a grid left, right and in front of
// the bench (x −1.3…1.3, middle 1.45…1.8 m high, z −1.3…−0.7). Prints the clear spots nearest the
// default spot; the author picks one and writes it in the station's layout.json (`panel.position`).
// Needs Vite (import.meta.glob), so it runs under vitest, for the stations named in PANEL_STATIONS
// (comma-separated folders; all stations when unset):
//   PANEL_STATIONS=wood/panel-saw npx vitest run --config scripts/find-panel-spots.config.ts
import '../tests/scenes/support/no-text';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { loadScene } from './check-scenes';
import { defaultPanelPosition } from '../src/play/panel-placement';
import type { PathEvent } from '../tests/e2e/support/path-plan';
import { stationFolders } from '../tests/e2e/support/stations';
import { panelFindings } from '../tests/play/support/panel-view';
import { checkPathAgainstParts } from '../tests/scenes/support/station-parts';

type Vec3 = [number, number, number];
const root = process.cwd();
const steps = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Number((from + i * step).toFixed(3)));
const grid: Vec3[] = (process.env.PANEL_COARSE ? steps(-1.3, 0.5, 0.2).flatMap((x) => steps(1.55, 1.8, 0.05).flatMap((y) => steps(-1.1, -0.8, 0.1).map((z) => [x, y, z] as Vec3))) : steps(-1.3, 1.3, 0.1).flatMap((x) => steps(1.45, 1.8, 0.05).flatMap((y) => steps(-1.3, -0.7, 0.1).map((z) => [x, y, z] as Vec3))));
const wanted = process.env.PANEL_STATIONS?.split(',').filter(Boolean) ?? stationFolders(root);

test.each(wanted)('%s: clear spots for the instruction panel', async (folder) => {
  const file = join(root, 'scenes', folder, 'scenario.json');
  const events = (JSON.parse(readFileSync(join(root, 'scenes', folder, 'ideal-path.json'), 'utf8')) as { events: PathEvent[] }).events;
  let open = grid;
  const firstHidden = new Map<string, string>();
  await checkPathAgainstParts(folder, events, loadScene(root, file).scenario!, (scene, moment) => {
    open = open.filter((spot) => {
      const f = panelFindings(scene, spot, true)[0];
      if (f && firstHidden.size < 3) firstHidden.set(spot.join(','), `${moment}: ${f.key}`);
      return !f;
    });
  });
  const d = (p: Vec3) => Math.hypot(p[0] - defaultPanelPosition[0], p[1] - defaultPanelPosition[1], p[2] - defaultPanelPosition[2]);
  const best = [...open].sort((a, b) => d(a) - d(b)).slice(0, 12);
  console.info(`[panel spots] ${folder}: ${open.length} of ${grid.length} clear; nearest the default: ${best.map((p) => `[${p.join(', ')}]`).join(' ') || 'none'}`);
});
