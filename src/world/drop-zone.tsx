import { useEffect, useRef } from 'react';
import type { Group } from 'three';
import { dropZones } from './drop-zones';
import { sharedMaterial } from './shared-materials';

export interface DropZoneProps {
  /** Sent as the value of `place`: which jig, tray or box the object went into. */
  id: string;
  /** The objects this zone takes (scenario object ids). */
  accepts: readonly string[];
  position: [number, number, number];
  rotation?: [number, number, number];
  /** Width, height and depth of the zone (m). A carried object whose centre is inside snaps to its centre. */
  size: [number, number, number];
  /** Draw the zone as a faint blue area (a marked place on the bench). */
  marked?: boolean;
}

/** A place to put something: a jig, a carriage, a box. Grabbables snap into it and send `place`. */
export function DropZone({ id, accepts, position, rotation, size, marked = true }: DropZoneProps) {
  const group = useRef<Group>(null);
  useEffect(() => {
    if (!group.current) return;
    return dropZones.add({ id, object: group.current, half: [size[0] / 2, size[1] / 2, size[2] / 2], accepts });
  }, [id, accepts, size]);
  return (
    <group ref={group} name={`drop-zone:${id}`} position={position} rotation={rotation}>
      {marked ? (
        // A flat mark on the bench, not a box: it must not catch the rays aimed at what lies in it.
        <mesh position={[0, -size[1] / 2 + 0.002, 0]} rotation={[-Math.PI / 2, 0, 0]} material={sharedMaterial('dropZone')} raycast={() => null}>
          <planeGeometry args={[size[0], size[2]]} />
        </mesh>
      ) : null}
    </group>
  );
}
