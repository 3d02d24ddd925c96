import type { Page } from 'playwright-core';

/**
 * Waits until what arrives after the station's first frame has been drawn: every visible 3D text
 * typeset (troika), and the texts and textures unchanged over `frames` frames (pictograms,
 * labels, the instruction panel). A picture taken then shows the station as a trainee sees it — a
 * condition, not a fixed pause. A scene without any 3D text (the intro workbench on a screen: all its
 * words are in the HTML overlay) is ready once nothing of it is still loading (no Suspense boundary
 * shows its fallback).
 */
export async function sceneSettled(page: Page, frames = 6, timeoutMs = 60_000): Promise<void> {
  const state = () =>
    page.evaluate(() => {
      const probe = window.__werkvloer!;
      const { scene } = probe.three();
      let texts = 0;
      let pending = 0;
      scene.traverseVisible((o) => {
        const t = o as typeof o & { text?: unknown; textRenderInfo?: unknown };
        if (typeof t.text !== 'string' || t.text.trim() === '') return;
        texts += 1;
        if (!t.textRenderInfo) pending += 1;
      });
      const c = probe.counts;
      const loaded = texts > 0 || window.__werkvloerDriver?.suspended() === 0;
      return { frame: c.frames, key: `${texts}/${pending}/${c.textures}`, ready: loaded && pending === 0 && c.calls > 0 };
    });
  const until = Date.now() + timeoutMs;
  let since: { frame: number; key: string } | null = null;
  for (;;) {
    const s = await state();
    if (!s.ready || !since || since.key !== s.key) since = s.ready ? { frame: s.frame, key: s.key } : null;
    else if (s.frame - since.frame >= frames) return;
    if (Date.now() > until) throw new Error(`the scene did not settle within ${timeoutMs / 1000} s (texts/untypeset/textures: ${s.key})`);
    await page.waitForFunction((f) => (window.__werkvloer?.counts.frames ?? 0) > f, s.frame, { timeout: 60_000 });
  }
}
