import type { ComponentType } from 'react';
import type { LayoutPart } from '../../engine';
import type { StaticPart } from '../static-parts';
import type { Vec3 } from './look';

/**
 * How a part is operated, for tests and authors: which object, what the trainee does to it, where on
 * the part to aim (part space), from how far a hand reaches it, how long it is held. Every kit part
 * declares its own beside it (`<part>Operations`), an export of its own so the trainee's download
 * leaves it out (the browser driver reads the props the parts were placed with: src/world/placed-parts.ts).
 */
export interface PartOperation {
  object: string;
  kind: 'press' | 'hold' | 'grab' | 'wear' | 'set' | 'inspect' | 'classify' | 'place-into' | 'enter';
  aim: Vec3;
  /** Metres from the eyes at which a seated trainee reaches it by hand (rays reach further). */
  range: number;
  holdMs?: number;
}

/** One kit part: a fixed body that joins the station's static batch, and an operable live piece. */
export interface KitPart<P extends LayoutPart = LayoutPart> {
  /** The fixed body in the part's own space (housing, frame, legs); batched with the station. */
  body?: (part: P) => readonly StaticPart[];
  /** The piece the trainee operates, placed at the part's position by the layout. */
  Live?: ComponentType<{ part: P }>;
}

/** Arm's length from the eyes of a seated trainee at the work position. */
export const HAND_REACH = 0.85;

/** The layout entry of one kind of part. */
export type PartOf<N extends LayoutPart['part']> = Extract<LayoutPart, { part: N }>;

/** Where a live piece stands inside its part's group (the layout moves the group). */
export const ORIGIN: [number, number, number] = [0, 0, 0];
