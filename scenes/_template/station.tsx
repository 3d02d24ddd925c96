import { ClassifyCards, DropZone, Grabbable, HazardZone, HoldControl, Inspectable, Interactable, ValueControl } from '../../src/world';

/**
 * TEMPLATE composition: the 3D side of a station. Copy it with scenario.json to
 * scenes/<sector>/<station>/ (and fix the import depth to ../../../src/world, the kit's front door).
 * One interactable per scenario object, `object` = the object id; the component decides which
 * actions it sends (docs/authoring.md, "Interactables"). Plain boxes and cylinders with Lambert
 * materials keep the station inside the draw-call budget (docs/architecture.md).
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
      {/* hold: wash hands under the tap for 20 s (hold-start … hold-end); the bar fills in 20 s */}
      <HoldControl object="tap" position={[-0.7, 1.05, -0.75]} hitBox={[0.12, 0.15, 0.12]} progressMs={20000}>
        <mesh>
          <cylinderGeometry args={[0.015, 0.015, 0.15, 12]} />
          <meshLambertMaterial color="#cbd2d9" />
        </mesh>
      </HoldControl>
      {/* wear: press, or in VR bring the gloves to the body */}
      <Grabbable object="gloves" wear="body" position={[-0.55, 0.93, -0.6]} hitBox={[0.2, 0.06, 0.15]}>
        <mesh>
          <boxGeometry args={[0.16, 0.03, 0.1]} />
          <meshLambertMaterial color="#3e63dd" />
        </mesh>
      </Grabbable>
      {/* answer: the work order asks how many slices; number cards send `answer` */}
      <ClassifyCards
        object="work-order"
        action="answer"
        position={[-0.35, 1.25, -0.95]}
        cards={[
          { id: '6', label: '6' },
          { id: '12', label: '12' },
          { id: '24', label: '24' },
        ]}
      />
      {/* set: drag the knob; the reading shows the value; letting go sends `set` */}
      <ValueControl object="thickness-dial" position={[0.3, 1.22, -0.57]} min={0} max={10} step={0.5} initial={0} unit="mm" length={0.3} />
      {/* grab and place: the ham snaps onto the carriage (place, value "carriage") */}
      <Grabbable object="ham" position={[-0.15, 0.95, -0.6]} hitBox={[0.2, 0.12, 0.12]}>
        <mesh rotation={[0, 0, Math.PI / 2]}>
          <cylinderGeometry args={[0.05, 0.05, 0.18, 16]} />
          <meshLambertMaterial color="#e8998d" />
        </mesh>
      </Grabbable>
      <DropZone id="carriage" accepts={['ham']} position={[0.15, 0.96, -0.6]} size={[0.2, 0.1, 0.15]} />
      {/* press: buttons travel 1 cm into the machine */}
      <Interactable object="start-button" action="press" position={[0.45, 1.15, -0.57]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.08, 0.04, 0.08]} travel={0.01}>
        <mesh>
          <cylinderGeometry args={[0.03, 0.03, 0.03, 24]} />
          <meshLambertMaterial color="#2da44e" />
        </mesh>
      </Interactable>
      <Interactable object="stop-button" action="press" position={[0.35, 1.15, -0.57]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.08, 0.04, 0.08]} travel={0.01}>
        <mesh>
          <cylinderGeometry args={[0.03, 0.03, 0.03, 24]} />
          <meshLambertMaterial color="#cf222e" />
        </mesh>
      </Interactable>
      {/* hold: push the carriage while the slicer runs */}
      <HoldControl object="carriage" position={[0.15, 1.02, -0.75]} hitBox={[0.1, 0.06, 0.08]} travel={0.01}>
        <mesh>
          <boxGeometry args={[0.08, 0.04, 0.06]} />
          <meshLambertMaterial color="#52606d" />
        </mesh>
      </HoldControl>
      {/* inspect: press brings the slices close, drag turns them, press puts them back */}
      <Inspectable object="slices" position={[0.6, 0.93, -0.45]} hitBox={[0.14, 0.05, 0.12]}>
        <mesh>
          <boxGeometry args={[0.12, 0.01, 0.1]} />
          <meshLambertMaterial color="#f4b6ae" />
        </mesh>
      </Inspectable>
      {/* classify: pictogram cards, value = class id */}
      <ClassifyCards
        object="slices"
        position={[0.55, 1.25, -0.95]}
        cards={[
          { id: 'good', label: 'template-station:classes.good', color: '#2da44e', pictogram: 'pictograms/accept.svg' },
          { id: 'bad', label: 'template-station:classes.bad', color: '#cf222e', pictogram: 'pictograms/reject.svg' },
        ]}
      />
      {/* grab: tools and the phone send `grab` when picked up (or pressed) */}
      <Grabbable object="cloth" position={[0.65, 0.92, -0.6]} hitBox={[0.15, 0.05, 0.12]}>
        <mesh>
          <boxGeometry args={[0.14, 0.02, 0.1]} />
          <meshLambertMaterial color="#f7c948" />
        </mesh>
      </Grabbable>
      <Grabbable object="phone" position={[-0.7, 0.91, -0.5]} hitBox={[0.1, 0.04, 0.14]}>
        <mesh>
          <boxGeometry args={[0.07, 0.01, 0.14]} />
          <meshLambertMaterial color="#24292f" />
        </mesh>
      </Grabbable>
      {/* hazard: a hand, controller, carried object or the desktop pointer in the blade zone sends enter/exit */}
      <HazardZone object="blade-zone" position={[0.3, 1.05, -0.55]} size={[0.2, 0.2, 0.1]} />
    </group>
  );
}
