import type { Page } from 'playwright-core';
import { panelOutline } from '../../../src/play/panel-placement';

/**
 * Stations whose VR instruction panel is still hidden at some moment (issue 21, open): the panel as
 * it is (1.1 × 1.14 m, its button rows and the call for help below the plate, down to bench height)
 * finds no spot in their layout with nothing in between and no part hidden behind it — a search over
 * 600 spots (x −1.2…1.2, y 1.6…1.85, z −1.05…−0.75) found none, or only ones with its middle at
 * 1.85 m. What frees them is a more compact panel (its buttons beside the plate, not under it). The
 * checks assert that these are still hidden, so a station that becomes free fails until it leaves the list.
 */
export const panelStillHidden: ReadonlyMap<string, string> = new Map([
  ['food/hygiene-sluice-line-be', 'the sluice housing and sink (1.29 m) hide the lower buttons at every spot'],
  ['food/hygiene-sluice-line-nl', 'the same layout as the Belgian sluice'],
  ['food/packaging-line', 'the labeller and the metal detector hide the lower buttons; the only clear spots hide the question cards'],
  ['plastics/material-station', 'the dryer, the coupling station and the bag pallet hide it at every spot; the only clear spots hang it high (1.8-1.9 m) or far to the side, seen edge-on'],
  ['plastics/injection-moulding', 'the 10 cm grid (s15) finds the panel\'s lower right behind the machine\'s live parts at 1.29 m, and its bottom behind the open safety gate'],
  ['plastics/extrusion-line', 'the extruder, hopper and cooling tank: the only clear spots hang its middle at 1.85 m'],
  ['textile/lockstitch-sewing', 'the 10 cm grid (s15) finds the panel\'s lower buttons behind the straight-knife cutter on the cutting table (1.1 m)'],
  ['textile/fabric-inspection', 'the inspection table and its light hood span the whole front'],
  ['wood/edge-banding', 'the edge bander\'s housing hides the lower buttons; the clear spots hide its parts'],
]);

/**
 * What hides the panel from the headset's eyes now (issue 21: never behind a machine part), in words
 * a reviewer reads in the failure: each point of the panel a drawn mesh stands in front of. Also
 * keeps the outline the Node check uses (tests/play/panel-placement.test.tsx) honest: the panel as
 * drawn must lie within it.
 */
export async function hiddenPanelParts(page: Page, moment: string, panel = 'instruction-panel'): Promise<string[]> {
  const seen = await page.evaluate((name) => window.__werkvloerDriver!.panelBlockers(name), panel);
  if (!seen) return [`${moment}: no ${panel} drawn`];
  const eyes = seen.head.map((v) => v.toFixed(2)).join(', ');
  const { left, right, top, bottom } = seen.outline;
  const tolerance = 0.005;
  const outside =
    left < panelOutline.left - tolerance || right > panelOutline.right + tolerance || top > panelOutline.top + tolerance || bottom < panelOutline.bottom - tolerance
      ? [`${moment}: the ${panel} is drawn beyond its outline (${[left, right, top, bottom].map((v) => v.toFixed(3)).join(', ')})`]
      : [];
  return [...outside, ...seen.blockers.map((b) => `${moment}: ${b} (eyes at ${eyes})`)];
}
