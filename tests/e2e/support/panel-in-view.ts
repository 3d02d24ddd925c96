import type { Page } from 'playwright-core';
import { panelOutline } from '../../../src/play/panel-placement';

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
