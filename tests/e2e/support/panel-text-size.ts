import type { Page } from 'playwright-core';

/**
 * The smallest em height Meta's Quest UI guidance gives for world-space text at a distance (metres of
 * distance → metres of em height: 32, 36, 40 and 48 pt at a canvas scale of 1 mm per unit, at 1.5, 2,
 * 2.5 and 3 m; the "hz-unity-meta-quest-ui" skill of meta-quest/agentic-tools, its font size table).
 * Between two rows it is interpolated; nearer than 1.5 m the 1.5 m row's angle holds, beyond 3 m the
 * 3 m row's.
 */
const metaMinimum: ReadonlyArray<readonly [distance: number, em: number]> = [
  [1.5, 0.032],
  [2.0, 0.036],
  [2.5, 0.04],
  [3.0, 0.048],
];

export function minimumEm(distance: number): number {
  const first = metaMinimum[0]!;
  const last = metaMinimum[metaMinimum.length - 1]!;
  if (distance <= first[0]) return (first[1] / first[0]) * distance;
  if (distance >= last[0]) return (last[1] / last[0]) * distance;
  for (let i = 1; i < metaMinimum.length; i++) {
    const [d1, e1] = metaMinimum[i]!;
    const [d0, e0] = metaMinimum[i - 1]!;
    if (distance <= d1) return e0 + ((distance - d0) / (d1 - d0)) * (e1 - e0);
  }
  return last[1];
}

/** Texts of a panel too small to read from where the eyes are now, in words a reviewer reads in the failure. */
export async function smallPanelTexts(page: Page, moment: string, panel = 'instruction-panel'): Promise<string[]> {
  const sizes = await page.evaluate((name) => window.__werkvloerDriver!.textSizes(name), panel);
  if (!sizes) return [`${moment}: no ${panel} drawn`];
  if (sizes.texts.length === 0) return [`${moment}: the ${panel} shows no text`];
  return sizes.texts.flatMap((t) => {
    const needed = minimumEm(t.distance);
    return t.em < needed - 1e-6 ? [`${moment}: "${t.text.slice(0, 40)}" is ${(t.em * 1000).toFixed(1)} mm high at ${t.distance.toFixed(2)} m (at least ${(needed * 1000).toFixed(1)} mm)`] : [];
  });
}
