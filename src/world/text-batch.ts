import { useLayoutEffect, type RefObject } from 'react';
import { Color, LinearSRGBColorSpace, Matrix4, type Object3D } from 'three';
import { BatchedText, type Text } from 'troika-three-text';
import { useTextBatchHost } from './text-batch-host';

/** Texts drawn by a batch are on this layer, which no camera (nor eye) renders: the batch draws them. */
export const BATCHED_TEXT_LAYER = 30;

const inverse = new Matrix4();
const linear = new Map<string, number>();
const color = new Color();

/** Visible only if it and every parent are (a hidden part's words go with it). */
function shown(o: Object3D | null): boolean {
  for (; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/**
 * The hex of a colour's linear value: troika's batch packs each member's colour as `getHex()` (sRGB)
 * and its shader uses the bytes as linear, which would lighten dark text; handing it the linear bytes
 * (a number passes `set`/`getHex` unchanged) draws the colour a lone Text draws.
 */
function linearHex(c: unknown): unknown {
  if (c == null) return c;
  const key = String(c);
  let hex = linear.get(key);
  if (hex === undefined) {
    hex = color.set(c as string).getHex(LinearSRGBColorSpace);
    linear.set(key, hex);
  }
  return hex;
}

type Member = Text & { matrix: Matrix4; matrixWorld: Matrix4; color?: unknown; outlineColor?: unknown };

/**
 * Every text of a station in one draw call (two with outlines): troika's BatchedText, which takes
 * each member's own matrix as its place in the batch, fed instead with where the member is in the
 * world relative to the batch — members stay where the station put them (on a card that is pressed,
 * a reading that moves with its knob) and are hidden with their parents.
 */
class StationTextBatch extends BatchedText {
  constructor() {
    super();
    this.name = 'text-batch';
    // The members move: the batch's own bounds would go stale.
    this.frustumCulled = false;
  }

  private members(): Member[] {
    return [...(this as unknown as { _members: Map<Member, unknown> })._members.keys()];
  }

  /** Each member's matrix as its world place seen from the batch (zero when hidden); returns the restore. */
  private placeMembers(): () => void {
    this.updateWorldMatrix(true, false);
    inverse.copy(this.matrixWorld).invert();
    const members = this.members();
    for (const m of members) {
      m.updateWorldMatrix(true, false);
      if (shown(m)) m.matrix.multiplyMatrices(inverse, m.matrixWorld);
      else m.matrix.makeScale(0, 0, 0);
    }
    return () => {
      for (const m of members) m.updateMatrix();
    };
  }

  override updateBounds(): void {
    const restore = this.placeMembers();
    super.updateBounds();
    restore();
  }

  override _prepareForRender(material: unknown): void {
    // troika's batch repacks its glyph attributes without setting the instance count, which stays
    // three's default (Infinity): renderer.info would count infinite triangles. It is the glyph count.
    const glyphs = this.geometry.getAttribute('aTroikaTextBatchMemberIndex');
    (this.geometry as { instanceCount?: number }).instanceCount = glyphs ? glyphs.count : 0;
    const restore = this.placeMembers();
    const members = this.members();
    const colours = members.map((m) => [m.color, m.outlineColor] as const);
    for (const m of members) {
      m.color = linearHex(m.color);
      m.outlineColor = linearHex(m.outlineColor);
    }
    super._prepareForRender(material);
    members.forEach((m, i) => {
      [m.color, m.outlineColor] = colours[i]!;
    });
    restore();
  }
}

/** Makes `text` a member of the station's text batch (made in `host` by the first); returns the leave. */
export function joinTextBatch(host: Object3D, text: Text): () => void {
  let batch = host.userData.textBatch as StationTextBatch | undefined;
  if (!batch) {
    batch = new StationTextBatch();
    host.userData.textBatch = batch;
    host.add(batch);
  }
  const joined = batch;
  const layers = text.layers.mask;
  joined.addText(text);
  text.layers.set(BATCHED_TEXT_LAYER);
  return () => {
    joined.removeText(text);
    text.layers.mask = layers;
  };
}

/** A text component's troika Text joins the station's batch while it is mounted (alone outside a station). */
export function useBatchedText(ref: RefObject<Text | null>): void {
  const host = useTextBatchHost();
  useLayoutEffect(() => {
    const text = ref.current;
    if (!host || !text) return;
    return joinTextBatch(host, text);
  }, [host, ref]);
}
