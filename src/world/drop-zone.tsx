import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import { dropZones } from './drop-zones';
import { box } from './kit/shapes';
import { useLiveBatch } from './live-batch';
import { sharedMaterial } from './shared-materials';

/** The mark's colour: the shared drop-zone material's, drawn by the marks batch at its opacity. */
const markColor = '#58a6ff';

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
  // Inside a station every zone's mark joins the station's one batch of marks: one draw call for all.
  const marks = useLiveBatch('marks');
  const [w, h, d] = size;
  const look = useMemo(() => [box([w, 0.0005, d], [0, -h / 2 + 0.002, 0], markColor)], [w, h, d]);
  useLayoutEffect(() => (marked && marks && group.current ? marks.add(look, group.current) : undefined), [marked, marks, look]);
  return (
    <group ref={group} name={`drop-zone:${id}`} position={position} rotation={rotation}>
      {marked && !marks ? (
        // A flat mark on the bench, not a box: it must not catch the rays aimed at what lies in it.
        <mesh position={[0, -size[1] / 2 + 0.002, 0]} rotation={[-Math.PI / 2, 0, 0]} material={sharedMaterial('dropZone')} raycast={() => null}>
          <planeGeometry args={[size[0], size[2]]} />
        </mesh>
      ) : null}
    </group>
  );
}
