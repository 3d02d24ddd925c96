import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { MeshBasicMaterial } from 'three';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { mergeStaticParts, type StaticPart } from '../world/static-parts';

/** A button's plate on a panel: its centre and size in the panel's own space, and how it looks now. */
export interface PanelPlate {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

type Plates = StoreApi<{ plates: Record<string, PanelPlate> }>;

const PlatesContext = createContext<Plates | null>(null);

// Unlit like the panel behind it; the colour lives in the vertices.
let material: MeshBasicMaterial | null = null;
const noHit = () => null;

/** The plates as static parts: thin boxes, in a fixed order so a hover rebuilds the same layout. */
export function platesAsParts(plates: Record<string, PanelPlate>): StaticPart[] {
  return Object.keys(plates)
    .sort()
    .map((id) => {
      const p = plates[id]!;
      return { box: [p.width, p.height, 0.001], position: [p.x, p.y, 0], color: p.color };
    });
}

/**
 * Draws the plates of every `PanelButton` inside it as one mesh: a panel with four buttons costs one
 * draw call for its plates instead of four (per eye). The buttons keep their own invisible hit
 * areas; a hover or a choice only recolours, and rebuilds a geometry of a few boxes.
 */
export function PanelPlates({ children }: { children: ReactNode }) {
  const store = useMemo<Plates>(() => createStore(() => ({ plates: {} })), []);
  const plates = useStore(store, (s) => s.plates);
  const geometry = useMemo(() => {
    const parts = platesAsParts(plates);
    return parts.length > 0 ? mergeStaticParts(parts) : null;
  }, [plates]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  material ??= new MeshBasicMaterial({ vertexColors: true });
  return (
    <PlatesContext.Provider value={store}>
      {geometry ? <mesh name="panel-plates" geometry={geometry} material={material} raycast={noHit} /> : null}
      {children}
    </PlatesContext.Provider>
  );
}

/**
 * Puts a button's plate on the surrounding `PanelPlates` while the button is mounted. Returns false
 * outside one: the button then draws its own plate.
 */
export function usePanelPlate(id: string, plate: PanelPlate): boolean {
  const store = useContext(PlatesContext);
  const { x, y, width, height, color } = plate;
  useEffect(() => {
    if (!store) return;
    store.setState((s) => ({ plates: { ...s.plates, [id]: { x, y, width, height, color } } }));
    return () =>
      store.setState((s) => {
        const { [id]: _gone, ...rest } = s.plates;
        return { plates: rest };
      });
  }, [store, id, x, y, width, height, color]);
  return store !== null;
}
