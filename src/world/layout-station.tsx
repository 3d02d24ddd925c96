import { useEffect, useMemo, type ReactNode } from 'react';
import { Group } from 'three';
import { panelSpot } from '../state/panel-spot';
import type { KitPartName, Layout } from '../engine';
import type { KitPart } from './kit/kit-part';
import { placeLook } from './kit/look';
import { LookMesh } from './kit/look-mesh';
import { LiveBatchProvider } from './live-batch';
import { StaticParts, type StaticPart } from './static-parts';
import { TextBatchHost } from './text-batch-host';
import { WhenStep } from './when-step';

export interface LayoutStationProps {
  layout: Layout;
  /** The kit parts this layout uses (the build imports only those into the station's chunk). */
  kit: Partial<Record<KitPartName, KitPart>>;
  name: string;
  /** What station.tsx adds that is unique to the machine (a blade that spins down). */
  children?: ReactNode;
}

/**
 * A station drawn from its layout.json: the static geometry and every kit part's fixed body as one
 * batched mesh (one draw call per eye), then each part's live piece where the layout puts it (and
 * while its `when` holds) — all moving pieces, station.tsx's too, drawn by one live batch.
 */
export function LayoutStation({ layout, kit, name, children }: LayoutStationProps) {
  // A static shape with `when` comes and goes with the work (a crack until reported, the cut strip):
  // the live batch draws it, each as its own look (kept per layout, merged once).
  const coming = useMemo(() => layout.static.filter((s) => s.when).map((s) => ({ when: s.when!, look: [s as StaticPart] })), [layout]);
  const body = useMemo<StaticPart[]>(
    () => [
      ...(layout.static.filter((s) => !s.when) as StaticPart[]),
      ...layout.parts.flatMap((p) => {
        const look = (kit[p.part] as KitPart<typeof p> | undefined)?.body?.(p);
        return look ? placeLook(look, p.position, p.rotation) : [];
      }),
    ],
    [layout, kit],
  );
  // Where the station's texts are drawn together (one call for all: text-batch.ts).
  const texts = useMemo(() => new Group(), []);
  // The instruction panel hangs where this station has free space for it (layout.json `panel`).
  const spot = layout.panel?.position;
  useEffect(() => {
    panelSpot.setState({ position: spot ?? null });
    return () => panelSpot.setState({ position: null });
  }, [spot]);
  return (
    <group name={name}>
      {body.length > 0 ? <StaticParts parts={body} name="station-body" /> : null}
      <primitive object={texts} />
      <TextBatchHost.Provider value={texts}>
        <LiveBatchProvider>
          {layout.parts.map((p, i) => {
            const Live = (kit[p.part] as KitPart<typeof p> | undefined)?.Live;
            if (!Live) return null;
            const live = (
              <group key={i} position={p.position} rotation={p.rotation ?? [0, 0, 0]}>
                <Live part={p} />
              </group>
            );
            return p.when ? (
              <WhenStep key={i} {...p.when}>
                {live}
              </WhenStep>
            ) : (
              live
            );
          })}
          {coming.map((c, i) => (
            <WhenStep key={`static-${i}`} {...c.when}>
              <LookMesh look={c.look} />
            </WhenStep>
          ))}
          {children}
        </LiveBatchProvider>
      </TextBatchHost.Provider>
    </group>
  );
}
