import { Vector3, type Object3D } from 'three';
import { lineOfSight } from '../../../src/play/line-of-sight';
import { panelEdgeHeights, panelHides, panelOutline, panelPoints, viewpoints } from '../../../src/play/panel-placement';
import { placedParts } from '../../../src/world/placed-parts';

type Vec3 = readonly [number, number, number];

/** Seated play lifts the view: seated and standing eyes may meet in one spot, looked from once for both. */
export const sameEyes = [
  ...viewpoints
    .reduce((spots, v) => {
      const key = v.at.map((c) => c.toFixed(3)).join(',');
      const spot = spots.get(key) ?? { at: v.at, names: [] as string[] };
      spot.names.push(v.name);
      return spots.set(key, spot);
    }, new Map<string, { at: Vec3; names: string[] }>())
    .values(),
];

/** One thing wrong with the panel's spot at one moment: a point of it hidden, or a part it hides. */
export interface PanelFinding {
  key: string;
  eyes: string[];
  where: string;
}

/**
 * What is wrong with the panel hanging at `panel` in the scene as it stands now (issue 21): each
 * point of a grid over the panel at its fullest, through the bottom of every outline it can have
 * (the browser run checks the corners of the outline drawn at that moment, which lie on these
 * lines), seen from standing and seated eyes with nothing drawn in between; and no placed part
 * behind the panel. `first` stops at the first finding (a search over many spots).
 */
export function panelFindings(scene: Object3D, panel: Vec3, first = false): PanelFinding[] {
  scene.updateMatrixWorld(true);
  const found: PanelFinding[] = [];
  const sight = lineOfSight(scene, () => false);
  for (const eyes of sameEyes)
    for (const p of panelPoints(panel, panelOutline, 0.1, panelEdgeHeights))
      for (const b of sight.between(new Vector3(...eyes.at), new Vector3(...p.at))) {
        found.push({ key: `the panel's ${p.name} behind ${b.name}`, eyes: eyes.names, where: b.at.join(', ') });
        if (first) return found;
      }
  // The other way round: the panel in free space hides nothing the trainee works on (no placed part).
  for (const part of placedParts()) {
    const at = part.node.getWorldPosition(new Vector3());
    for (const eyes of viewpoints)
      if (panelHides(panel, eyes.at, [at.x, at.y, at.z])) {
        found.push({ key: `the panel hides ${part.id}`, eyes: [eyes.name], where: [at.x, at.y, at.z].map((v) => v.toFixed(2)).join(', ') });
        if (first) return found;
      }
  }
  return found;
}
