import { Suspense, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Group } from 'three';
import { pointerDevice } from '../input/pointer-device';
import { lazyAfterFirstFrame } from './first-station-frame';
import { HitBox } from './hit-box';

// The copy held up to read (a portal, its placing, its paper) loads after the station's first frame.
const ReadingCopy = lazyAfterFirstFrame(() => import('./reading-copy'));

export interface ReadCloserProps {
  /** Width and height (m) of the document where it hangs: pointing anywhere on it brings it closer. */
  size: readonly [number, number];
  /** What the copy at reading distance shows (the same lines; it catches no rays). */
  copy: ReactNode;
  /** The document where it hangs (a clipboard, with its own press if it has one). */
  children: ReactNode;
  /**
   * Whether the children catch rays themselves (a clipboard pressed to read it has its hit box): a
   * box of this one's in front of theirs would take their press. Else an invisible box catches the ray.
   */
  catchesRays?: boolean;
  name?: string;
}

/**
 * A document the trainee must read in VR (a work order): in a headset, text a few centimetres high
 * on a wall box 1.5 m away is too small to read (issue 21). While a controller or hand points at it,
 * a copy is held up at reading distance in front of the eyes (src/world/reading-copy.tsx); pointing
 * away puts it back. On a screen the mouse only points: nothing comes closer there.
 */
export function ReadCloser({ size, copy, children, catchesRays = false, name = 'document' }: ReadCloserProps) {
  const at = useRef<Group>(null);
  const [pointing, setPointing] = useState(0);
  // Enter and leave reach every parent of what the ray hits (pmndrs pointer events), also when a press
  // of the clipboard itself stops the bubbling events.
  const handlers = useMemo(() => {
    const inside = new Set<number>();
    const xr = (e: { pointerType?: string; pointerState?: unknown }) => {
      const d = pointerDevice(e);
      return d === 'vr-controller' || d === 'vr-hand';
    };
    return {
      onPointerEnter(e: { pointerId: number; pointerType?: string; pointerState?: unknown }) {
        if (!xr(e)) return;
        inside.add(e.pointerId);
        setPointing(inside.size);
      },
      onPointerLeave(e: { pointerId: number }) {
        inside.delete(e.pointerId);
        setPointing(inside.size);
      },
    };
  }, []);
  return (
    <group ref={at} name={name} {...handlers}>
      {children}
      {catchesRays ? null : <HitBox name={`hit:${name}`} size={[size[0], size[1], 0.02]} position={[0, 0, 0.012]} />}
      {pointing > 0 ? (
        <Suspense fallback={null}>
          <ReadingCopy from={at}>{copy}</ReadingCopy>
        </Suspense>
      ) : null}
    </group>
  );
}
