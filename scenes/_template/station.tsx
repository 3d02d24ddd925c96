import { Interactable } from '../../src/world/interactable';

/**
 * TEMPLATE composition: the 3D side of a station. Copy it with scenario.json to
 * scenes/<sector>/<station>/ (and fix the import depth to ../../../src/world/…).
 * Rules of thumb: one <Interactable> per scenario object, `object` = the object id, `action` = the
 * action its step expects; plain boxes and cylinders with Lambert materials keep the station inside
 * the draw-call budget (docs/architecture.md). Dials (set), hold and zone (enter/exit) interactions
 * need their own world components; until those exist they are listed here as plain press targets.
 */
export default function TemplateStation() {
  return (
    <group name="station:_template">
      {/* worktop */}
      <mesh position={[0, 0.45, -0.7]}>
        <boxGeometry args={[1.6, 0.9, 0.6]} />
        <meshLambertMaterial color="#d9e2ec" />
      </mesh>
      {/* slicer body */}
      <mesh position={[0.3, 1.05, -0.75]}>
        <boxGeometry args={[0.4, 0.3, 0.35]} />
        <meshLambertMaterial color="#9aa5b1" />
      </mesh>
      <Interactable object="gloves" action="wear" position={[-0.55, 0.93, -0.6]} hitBox={[0.2, 0.06, 0.15]}>
        <mesh>
          <boxGeometry args={[0.16, 0.03, 0.1]} />
          <meshLambertMaterial color="#3e63dd" />
        </mesh>
      </Interactable>
      <Interactable object="ham" action="place" position={[-0.15, 0.95, -0.6]} hitBox={[0.2, 0.12, 0.12]}>
        <mesh rotation={[0, 0, Math.PI / 2]}>
          <cylinderGeometry args={[0.05, 0.05, 0.18, 16]} />
          <meshLambertMaterial color="#e8998d" />
        </mesh>
      </Interactable>
      <Interactable object="start-button" action="press" position={[0.45, 1.15, -0.57]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.08, 0.04, 0.08]}>
        <mesh>
          <cylinderGeometry args={[0.03, 0.03, 0.03, 24]} />
          <meshLambertMaterial color="#2da44e" />
        </mesh>
      </Interactable>
      <Interactable object="stop-button" action="press" position={[0.35, 1.15, -0.57]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.08, 0.04, 0.08]}>
        <mesh>
          <cylinderGeometry args={[0.03, 0.03, 0.03, 24]} />
          <meshLambertMaterial color="#cf222e" />
        </mesh>
      </Interactable>
      <Interactable object="cloth" action="grab" position={[0.65, 0.92, -0.55]} hitBox={[0.15, 0.05, 0.12]}>
        <mesh>
          <boxGeometry args={[0.14, 0.02, 0.1]} />
          <meshLambertMaterial color="#f7c948" />
        </mesh>
      </Interactable>
    </group>
  );
}
