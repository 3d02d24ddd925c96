import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import { useLiveBatch } from '../live-batch';
import { mergeStaticParts, staticPartsMaterial, type StaticPart } from '../static-parts';

/**
 * The moving piece of a kit part (a button cap, a glove, a door) with the kit's one material.
 * Inside a station (LiveBatchProvider) it is an anchor the station's one live batch draws: all
 * moving pieces in one call. Alone (a test, a shell) it is its own vertex-coloured mesh.
 * `look` must keep its identity between renders (a module constant or memoised): it is merged once.
 */
export function LookMesh({ look, name }: { look: readonly StaticPart[]; name?: string }) {
  const batch = useLiveBatch();
  return batch ? <BatchedLook look={look} name={name} /> : <OwnMesh look={look} name={name} />;
}

function BatchedLook({ look, name }: { look: readonly StaticPart[]; name?: string }) {
  const batch = useLiveBatch()!;
  const anchor = useRef<Group>(null);
  useLayoutEffect(() => batch.add(look, anchor.current!), [batch, look]);
  return <group ref={anchor} name={name ?? 'look'} />;
}

function OwnMesh({ look, name }: { look: readonly StaticPart[]; name?: string }) {
  const geometry = useMemo(() => mergeStaticParts(look), [look]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return <mesh name={name} geometry={geometry} material={staticPartsMaterial()} />;
}
