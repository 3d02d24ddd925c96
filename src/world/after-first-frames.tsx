import { useRef, useState, type ReactNode } from 'react';
import { useFrame } from '@react-three/fiber';

/**
 * True once the station has drawn `frames` frames. Cards, scales and readings carry text (troika,
 * ~40 KB gzip, lazy): mounted with the station, their chunk would be fetched before the first
 * frame is done and count against the first-frame budget. One React render, once: the count lives
 * in a ref until then.
 */
export function useAfterFrames(frames = 5): boolean {
  const seen = useRef(0);
  const [ready, setReady] = useState(false);
  useFrame(() => {
    if (ready) return;
    seen.current += 1;
    if (seen.current >= frames) setReady(true);
  });
  return ready;
}

/** Mounts its children a few frames after the station was first drawn (see useAfterFrames). */
export function AfterFirstFrames({ frames = 5, children }: { frames?: number; children: ReactNode }) {
  return useAfterFrames(frames) ? <>{children}</> : null;
}
