import { useEffect, useMemo } from 'react';
import { mergeStaticParts, staticPartsMaterial, type StaticPart } from '../static-parts';

/**
 * The moving piece of a kit part (a button cap, a glove, a door) as one vertex-coloured mesh with
 * the kit's one material: same shader as the static batch, so drawing it costs one call, no switch.
 */
export function LookMesh({ look, name }: { look: readonly StaticPart[]; name?: string }) {
  const geometry = useMemo(() => mergeStaticParts(look), [look]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return <mesh name={name} geometry={geometry} material={staticPartsMaterial()} />;
}
