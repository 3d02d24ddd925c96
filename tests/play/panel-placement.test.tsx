import '../scenes/support/no-text';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vector3, type Object3D } from 'three';
import { describe, expect, test } from 'vitest';
import { loadScene } from '../../scripts/check-scenes';
import { loadLayoutFile } from '../../scripts/layout-file';
import { blockersBetween } from '../../src/play/line-of-sight';
import { defaultPanelPosition, panelPoints, viewpoints } from '../../src/play/panel-placement';
import type { PathEvent } from '../e2e/support/path-plan';
import { stationFolders } from '../e2e/support/stations';
import { checkPathAgainstParts } from '../scenes/support/station-parts';

// The VR instruction panel is never hidden behind the machine (issue 21): from the eyes of a
// standing and a seated trainee at the work position, a ray to each corner, edge middle and middle
// of the panel at its fullest meets no drawn mesh of the station — at the start and after every
// event of the ideal path (doors open, parts carried, the machine's busiest moment among them).
// The browser run checks the same from the headset's own eyes (tests/e2e/support/station-matrix.ts).

const root = process.cwd();
const readPath = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { events: PathEvent[] }).events;

describe.each(stationFolders(root))('%s', (folder) => {
  test('nothing stands between the eyes and the instruction panel at any moment of the ideal path, standing or seated', async () => {
    const file = join(root, 'scenes', folder, 'scenario.json');
    const sc = loadScene(root, file).scenario!;
    const panel = loadLayoutFile(root, file, sc).layout?.panel?.position ?? defaultPanelPosition;
    const points = panelPoints(panel);
    const blocked = new Set<string>();
    let moments = 0;
    const watch = (scene: Object3D, moment: string) => {
      moments += 1;
      scene.updateMatrixWorld(true);
      for (const eyes of viewpoints)
        for (const p of points)
          for (const b of blockersBetween(scene, new Vector3(...eyes.at), new Vector3(...p.at), () => false))
            blocked.add(`${moment}: ${eyes.name}, the panel's ${p.name} behind ${b.name} at ${b.at.join(', ')}`);
    };
    const check = await checkPathAgainstParts(folder, readPath(join(root, 'scenes', folder, 'ideal-path.json')), sc, watch);
    expect(check.refused).toBeNull();
    expect(moments).toBe(check.steps.length + 1);
    expect([...blocked]).toEqual([]);
  });
});
