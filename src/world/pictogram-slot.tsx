import { useEffect, useMemo } from 'react';
import { CanvasTexture, MeshBasicMaterial, SRGBColorSpace } from 'three';
import { assetUrl } from './asset-url';

export interface PictogramSlotProps {
  /** Path of the picture under assets/ (an SVG from assets/pictograms), served locally. Empty: a coloured square. */
  src?: string | undefined;
  color?: string | undefined;
  size: number;
  position?: [number, number, number];
}

/** Rasterised pictures by URL: a pictogram shown on many cards is drawn once. */
const textures = new Map<string, Promise<CanvasTexture>>();
const PIXELS = 256;

/**
 * SVG → canvas → texture: the browser draws the SVG (no network, no font: the files are pure
 * shapes), and a fixed 256² canvas gives a power-of-two texture with mipmaps on every GPU.
 */
function pictogramTexture(url: string): Promise<CanvasTexture> {
  let t = textures.get(url);
  if (!t) {
    t = new Promise<CanvasTexture>((resolve, reject) => {
      const img = new Image(PIXELS, PIXELS);
      img.onload = () => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = PIXELS;
        canvas.getContext('2d')!.drawImage(img, 0, 0, PIXELS, PIXELS);
        const texture = new CanvasTexture(canvas);
        texture.colorSpace = SRGBColorSpace;
        resolve(texture);
      };
      img.onerror = () => reject(new Error(`pictogram ${url} did not load`));
      img.src = url;
    });
    t.catch(() => textures.delete(url));
    textures.set(url, t);
  }
  return t;
}

/**
 * The square every panel and card keeps for a picture: instructions for trainees who read little
 * start with a pictogram. Without a picture the slot shows its colour.
 */
export function PictogramSlot({ src, color = '#d9e2ec', size, position }: PictogramSlotProps) {
  const material = useMemo(() => new MeshBasicMaterial({ color, transparent: true }), [color]);
  useEffect(() => {
    if (!src) return;
    let cancelled = false;
    pictogramTexture(assetUrl(src)).then(
      (texture) => {
        if (cancelled) return;
        material.map = texture;
        material.color.set('#ffffff');
        material.needsUpdate = true;
      },
      (error: unknown) => console.warn('werkvloer:', error),
    );
    return () => {
      cancelled = true;
      // Shared textures stay cached; the slot only lets go of its reference.
      material.map = null;
      material.color.set(color);
      material.needsUpdate = true;
    };
  }, [src, material, color]);
  useEffect(() => () => material.dispose(), [material]);
  return (
    <mesh name="pictogram-slot" position={position} material={material} userData={{ pictogram: src ?? null }}>
      <planeGeometry args={[size, size]} />
    </mesh>
  );
}
