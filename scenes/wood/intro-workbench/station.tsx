import { Grabbable, Interactable } from '../../../src/world';

/**
 * Intro workbench: a bench drill on a workbench, safety glasses beside it, a green start and a red
 * stop button on the drill's front. The trainee stands at the origin; the bench top is 0.9 m high,
 * 0.6 m ahead, reachable seated and one-handed.
 */
export default function IntroWorkbench() {
  return (
    <group name="station:wood/intro-workbench">
      {/* workbench */}
      <mesh position={[0, 0.45, -0.7]}>
        <boxGeometry args={[1.4, 0.9, 0.6]} />
        <meshLambertMaterial color="#b7804a" />
      </mesh>
      {/* bench drill: column, head and table */}
      <group position={[0.25, 0.9, -0.8]}>
        <mesh position={[0, 0.02, 0]}>
          <boxGeometry args={[0.3, 0.04, 0.3]} />
          <meshLambertMaterial color="#3e4c59" />
        </mesh>
        <mesh position={[0, 0.3, -0.08]}>
          <cylinderGeometry args={[0.03, 0.03, 0.6, 16]} />
          <meshLambertMaterial color="#7b8794" />
        </mesh>
        <mesh position={[0, 0.55, 0]}>
          <boxGeometry args={[0.2, 0.16, 0.3]} />
          <meshLambertMaterial color="#2f855a" />
        </mesh>
        <mesh position={[0, 0.42, 0.05]}>
          <cylinderGeometry args={[0.006, 0.006, 0.1, 8]} />
          <meshLambertMaterial color="#cbd2d9" />
        </mesh>
      </group>
      <Interactable object="start-button" action="press" position={[0.2, 1.45, -0.64]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.08, 0.04, 0.08]} travel={0.01}>
        <mesh>
          <cylinderGeometry args={[0.035, 0.035, 0.03, 24]} />
          <meshLambertMaterial color="#2da44e" />
        </mesh>
      </Interactable>
      <Interactable object="stop-button" action="press" position={[0.3, 1.45, -0.64]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.08, 0.04, 0.08]} travel={0.01}>
        <mesh>
          <cylinderGeometry args={[0.035, 0.035, 0.03, 24]} />
          <meshLambertMaterial color="#cf222e" />
        </mesh>
      </Interactable>
      {/* Put on with a press, or in VR by bringing them to the face. */}
      <Grabbable object="safety-glasses" wear="head" position={[-0.3, 0.93, -0.6]} hitBox={[0.22, 0.06, 0.1]}>
        <group>
          <mesh position={[-0.045, 0, 0]} rotation={[Math.PI / 2, 0, 0]}>
            <cylinderGeometry args={[0.04, 0.04, 0.01, 24]} />
            <meshLambertMaterial color="#9ecbff" transparent opacity={0.8} />
          </mesh>
          <mesh position={[0.045, 0, 0]} rotation={[Math.PI / 2, 0, 0]}>
            <cylinderGeometry args={[0.04, 0.04, 0.01, 24]} />
            <meshLambertMaterial color="#9ecbff" transparent opacity={0.8} />
          </mesh>
          <mesh position={[0, 0.02, 0]}>
            <boxGeometry args={[0.2, 0.012, 0.012]} />
            <meshLambertMaterial color="#24292f" />
          </mesh>
        </group>
      </Grabbable>
    </group>
  );
}
