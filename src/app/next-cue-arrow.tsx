import type { CSSProperties } from 'react';
import { useStore } from 'zustand';
import { nextCue } from '../state/next-cue';

/**
 * The way to the next thing to do, when it is out of view on a computer: an arrow near the edge of
 * the screen, on the side to turn to (drag or arrow keys). A picture, no words.
 */
export function NextCueArrow() {
  const { shown, angle } = useStore(nextCue);
  if (!shown) return null;
  const r = (angle * Math.PI) / 180;
  // On an ellipse inside the window's edges, so it never sits under the overlay's corner.
  const style = {
    left: `calc(50% + ${(Math.cos(r) * 42).toFixed(2)}%)`,
    top: `calc(50% - ${(Math.sin(r) * 40).toFixed(2)}%)`,
    transform: `translate(-50%, -50%) rotate(${-angle}deg)`,
  } as CSSProperties;
  return (
    <div className="next-cue" data-testid="next-cue" data-angle={angle} style={style} aria-hidden="true">
      <svg viewBox="0 0 64 64" width="64" height="64">
        <path d="M6 24 H36 V8 L60 32 L36 56 V40 H6 Z" fill="#f0b429" stroke="#102a43" strokeWidth="4" strokeLinejoin="round" />
      </svg>
    </div>
  );
}
