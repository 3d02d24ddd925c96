import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Object3D } from 'three';

declare global {
  interface Window {
    /** Every drei/troika `Text` string in the scene (read-only, for the pseudo-locale test). */
    __werkvloerTexts?: () => string[];
  }
}

/** Lets a test read what the 3D world shows as text, without acting on it. */
export function TextProbe() {
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    window.__werkvloerTexts = () => {
      const out: string[] = [];
      scene.traverseVisible((o: Object3D) => {
        const text = (o as Object3D & { text?: unknown }).text;
        if (typeof text === 'string' && text.trim() !== '') out.push(text);
      });
      return out;
    };
    return () => {
      delete window.__werkvloerTexts;
    };
  }, [scene]);
  return null;
}
