import { useRef, useState, type ReactNode } from 'react';
import { useFrame } from '@react-three/fiber';

/**
 * Mounts its children a few frames after the station was first drawn. Cards, scales and the work
 * order carry text (troika, ~40 KB gzip, lazy): mounted with the station, its chunk would be
 * fetched before the first frame is done and count against the first-frame budget.
 */
export function AfterFirstFrames({ frames = 5, children }: { frames?: number; children: ReactNode }) {
  const seen = useRef(0);
  const [ready, setReady] = useState(false);
  useFrame(() => {
    if (ready) return;
    seen.current += 1;
    // One React render, once: the frame count lives in a ref until then.
    if (seen.current >= frames) setReady(true);
  });
  return ready ? <>{children}</> : null;
}
