import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3, type Object3D } from 'three';

declare global {
  interface Window {
    /** Every drei/troika `Text` string in the scene (read-only, for the pseudo-locale test). */
    __werkvloerTexts?: () => string[];
    /** World position of the named object (a panel button), for aiming an emulated controller at it. */
    __werkvloerNamed?: (name: string) => [number, number, number] | null;
  }
}

/** Lets a test read what the 3D world shows as text and where a panel button is, without acting on it. */
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
    window.__werkvloerNamed = (name) => {
      const o = scene.getObjectByName(name);
      if (!o) return null;
      const p = o.getWorldPosition(new Vector3());
      return [p.x, p.y, p.z];
    };
    return () => {
      delete window.__werkvloerNamed;
      delete window.__werkvloerTexts;
    };
  }, [scene]);
  return null;
}
