import type { Page } from 'playwright-core';

type V3 = [number, number, number];

/** One troika text as drawn: its string, the corners of its block in world space, its facing, and each character's left edge. */
export interface WorldTextBox {
  text: string;
  /** Block corners (bottom-left, bottom-right, top-right, top-left of the text's own plane), world space. */
  corners: [V3, V3, V3, V3];
  normal: V3;
  /** Per UTF-16 index of `text`: the left edge of its caret box in the text's own x (NaN when not drawn). */
  charLeft: number[];
}

/** Every visible troika text of the scene, measured from its typesetting (textRenderInfo), read-only. */
export function worldTextBoxes(page: Page): Promise<WorldTextBox[]> {
  return page.evaluate(() => {
    const { scene } = window.__werkvloer!.three();
    const out: WorldTextBox[] = [];
    scene.traverseVisible((o) => {
      const t = o as typeof o & { text?: unknown; textRenderInfo?: { blockBounds: number[]; caretPositions: Float32Array | null } };
      if (typeof t.text !== 'string' || t.text.trim() === '' || !t.textRenderInfo) return;
      // A text mounted since the last frame has no world matrix yet.
      o.updateWorldMatrix(true, false);
      const [x0, y0, x1, y1] = t.textRenderInfo.blockBounds as [number, number, number, number];
      const world = (x: number, y: number): V3 => {
        const e = o.matrixWorld.elements;
        return [e[0]! * x + e[4]! * y + e[12]!, e[1]! * x + e[5]! * y + e[13]!, e[2]! * x + e[6]! * y + e[14]!];
      };
      const e = o.matrixWorld.elements;
      const n: V3 = [e[8]!, e[9]!, e[10]!];
      const len = Math.hypot(...n);
      const caret = t.textRenderInfo.caretPositions;
      const charLeft = Array.from({ length: t.text.length }, (_, i) => (caret && caret.length >= (i + 1) * 4 ? Math.min(caret[i * 4]!, caret[i * 4 + 1]!) : Number.NaN));
      out.push({ text: t.text, corners: [world(x0, y0), world(x1, y0), world(x1, y1), world(x0, y1)], normal: [n[0] / len, n[1] / len, n[2] / len], charLeft });
    });
    return out;
  });
}

const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * Pairs of texts that lie in one plane (facing the same way, less than `gap` m apart along it) and
 * whose blocks overlap there by more than `slack` m each way: words drawn over words.
 */
export function overlappingTexts(boxes: readonly WorldTextBox[], gap = 0.02, slack = 0.002): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (Math.abs(dot(a.normal, b.normal)) < 0.99) continue;
      if (Math.abs(dot(sub(b.corners[0], a.corners[0]), a.normal)) > gap) continue;
      // Project both blocks on a's own axes and compare the intervals.
      const u = sub(a.corners[1], a.corners[0]);
      const v = sub(a.corners[3], a.corners[0]);
      const ul = Math.hypot(...u) || 1;
      const vl = Math.hypot(...v) || 1;
      const ua: V3 = [u[0] / ul, u[1] / ul, u[2] / ul];
      const va: V3 = [v[0] / vl, v[1] / vl, v[2] / vl];
      const range = (c: readonly V3[], axis: V3) => {
        const p = c.map((q) => dot(sub(q, a.corners[0]), axis));
        return [Math.min(...p), Math.max(...p)] as const;
      };
      const [au0, au1] = range(a.corners, ua);
      const [bu0, bu1] = range(b.corners, ua);
      const [av0, av1] = range(a.corners, va);
      const [bv0, bv1] = range(b.corners, va);
      const overlapU = Math.min(au1, bu1) - Math.max(au0, bu0);
      const overlapV = Math.min(av1, bv1) - Math.max(av0, bv0);
      if (overlapU > slack && overlapV > slack) out.push([a.text, b.text]);
    }
  }
  return out;
}

/**
 * Quantities ("80 °C", "3,4 °C") in a text whose characters are not drawn in reading order left to
 * right — a flipped unit ("C° 80") — judged by each character's drawn left edge.
 */
export function flippedQuantities(text: string, left: (i: number) => number): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)?[\s\u00a0]?°C/g)) {
    const idx = [...Array(m[0].length).keys()].map((k) => m.index + k).filter((i) => !/\s/.test(text[i]!));
    const xs = idx.map(left);
    if (xs.some((x) => Number.isNaN(x))) continue;
    if (!xs.every((x, k) => k === 0 || x > xs[k - 1]!)) out.push(m[0]);
  }
  return out;
}
