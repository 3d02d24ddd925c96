import { ArrivalSpot, DropZone, Grabbable, Interactable } from '../../src/world';

const accepts = ['block'] as const;

/**
 * The first-time-in-VR space: one table with a big green button, a wooden block and a crate on its
 * right, and a green circle on the floor a few steps away. Everything is reachable seated and with
 * either hand; the circle is far enough that the trainee has to teleport to it.
 */
export default function VrTutorial() {
  return (
    <group name="station:_tutorial">
      {/* table */}
      <mesh position={[0, 0.42, -0.7]}>
        <boxGeometry args={[1.2, 0.84, 0.6]} />
        <meshLambertMaterial color="#c9a36b" />
      </mesh>
      {/* A big, obvious button on a pedestal: the first thing to point at and press. */}
      <mesh position={[-0.3, 0.9, -0.6]}>
        <boxGeometry args={[0.2, 0.12, 0.2]} />
        <meshLambertMaterial color="#3e4c59" />
      </mesh>
      <Interactable object="big-button" action="press" position={[-0.3, 0.98, -0.6]} hitBox={[0.16, 0.06, 0.16]} travel={0.015}>
        <mesh>
          <cylinderGeometry args={[0.07, 0.07, 0.04, 24]} />
          <meshLambertMaterial color="#2da44e" />
        </mesh>
      </Interactable>
      <Grabbable object="block" position={[0, 0.9, -0.6]} hitBox={[0.14, 0.1, 0.1]}>
        <mesh>
          <boxGeometry args={[0.12, 0.08, 0.08]} />
          <meshLambertMaterial color="#e3b04b" />
        </mesh>
      </Grabbable>
      {/* crate: an open box of four sides and a bottom; the zone inside takes the block */}
      <group position={[0.35, 0.84, -0.65]}>
        <mesh position={[0, 0.01, 0]}>
          <boxGeometry args={[0.3, 0.02, 0.3]} />
          <meshLambertMaterial color="#8d6e63" />
        </mesh>
        <mesh position={[0, 0.08, -0.14]}>
          <boxGeometry args={[0.3, 0.14, 0.02]} />
          <meshLambertMaterial color="#8d6e63" />
        </mesh>
        <mesh position={[0, 0.08, 0.14]}>
          <boxGeometry args={[0.3, 0.14, 0.02]} />
          <meshLambertMaterial color="#8d6e63" />
        </mesh>
        <mesh position={[-0.14, 0.08, 0]}>
          <boxGeometry args={[0.02, 0.14, 0.26]} />
          <meshLambertMaterial color="#8d6e63" />
        </mesh>
        <mesh position={[0.14, 0.08, 0]}>
          <boxGeometry args={[0.02, 0.14, 0.26]} />
          <meshLambertMaterial color="#8d6e63" />
        </mesh>
      </group>
      <DropZone id="crate" accepts={accepts} position={[0.35, 0.94, -0.65]} size={[0.28, 0.2, 0.28]} />
      <ArrivalSpot object="floor-spot" position={[1.5, 0, -0.3]} radius={0.45} />
    </group>
  );
}
