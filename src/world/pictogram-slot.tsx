import { useEffect, useMemo } from 'react';
import { MeshBasicMaterial, SRGBColorSpace, type TextureLoader } from 'three';

export interface PictogramSlotProps {
  /** URL of the picture (an SVG rendered to PNG, or a PNG, served locally). Empty: a coloured square. */
  src?: string | undefined;
  color?: string | undefined;
  size: number;
  position?: [number, number, number];
}

// The loader comes with the first picture, not with the station's first frame (JS budget).
let loader: Promise<TextureLoader> | null = null;
const textureLoader = () => (loader ??= import('three/src/loaders/TextureLoader.js').then((m) => new m.TextureLoader()));

/**
 * The square every panel and card keeps for a picture: instructions for trainees who read little
 * start with a pictogram. Issue 9 supplies the pictures; until then the slot shows its colour.
 */
export function PictogramSlot({ src, color = '#d9e2ec', size, position }: PictogramSlotProps) {
  const material = useMemo(() => new MeshBasicMaterial({ color }), [color]);
  useEffect(() => {
    if (!src) return;
    let cancelled = false;
    void textureLoader().then((l) =>
      l.load(src, (texture) => {
        if (cancelled) return texture.dispose();
        texture.colorSpace = SRGBColorSpace;
        material.map = texture;
        material.color.set('#ffffff');
        material.needsUpdate = true;
      }),
    );
    return () => {
      cancelled = true;
      material.map?.dispose();
      material.map = null;
    };
  }, [src, material]);
  useEffect(() => () => material.dispose(), [material]);
  return (
    <mesh name="pictogram-slot" position={position} material={material}>
      <planeGeometry args={[size, size]} />
    </mesh>
  );
}
