import { Suspense } from 'react';
import { DropZone, Grabbable, HoldControl, Inspectable, Interactable, LookMesh, WhenStep, box, cylinder } from '../../../src/world';

const melamine = '#eeeeea';
/** The first piece: white melamine panel with its new white edge along the back. */
const bandedPanel = [box([0.4, 0.02, 0.3], [0, 0, 0], melamine), box([0.4, 0.024, 0.004], [0, 0, -0.152], '#ffffff')];
const glueLine = [box([0.4, 0.026, 0.004], [0, -0.015, 0.011], '#ffffff')];
const jammedEdge = [box([0.14, 0.025, 0.003], [-0.03, 0, 0], '#ffffff', [0, 0.3, 0]), box([0.08, 0.025, 0.003], [0.07, 0.012, 0.02], '#ffffff', [0, -0.5, 0.4])];
const brush = [box([0.13, 0.03, 0.025], [0.035, 0.01, 0], '#8d6e63'), box([0.07, 0.03, 0.05], [-0.065, -0.005, 0], '#3b2f26')];
/** The 40 mm red mushroom of the console's emergency stop (its yellow plate is the layout's fixed body). */
const mushroom = [cylinder(0.02, 0.03, [0, 0.03, 0], '#c1121c', undefined, 24), cylinder(0.012, 0.02, [0, 0.012, 0], '#c1121c', undefined, 16)];

/**
 * What the later steps of the shift act on, after the station's first frame: the console's emergency
 * stop, the hood over the trimming units (its look is the layout's; here the press on it), the first
 * piece and its glue line on the panel return, the cart it goes to, the edge strip that jams and the
 * brush for cleaning.
 */
export function LaterWork() {
  return (
    <>
      <group position={[0.46, 1.36, -0.508]}>
        <Interactable object="emergency-stop" action="press" rotation={[Math.PI / 2, 0, 0]} hitBox={[0.08, 0.06, 0.08]} travel={0.008}>
          <LookMesh look={mushroom} />
        </Interactable>
      </group>
      <group position={[1.25, 1.17, -0.86]}>
        <WhenStep notDone="open-hood">
          <Interactable object="trim-hood" action="open" hitBox={[0.73, 0.43, 0.08]} travel={0.01}>
            <group />
          </Interactable>
        </WhenStep>
        <WhenStep done="open-hood" notDone="close-hood">
          <Interactable object="trim-hood" action="close" hitBox={[0.73, 0.43, 0.08]} travel={0.01}>
            <group />
          </Interactable>
        </WhenStep>
      </group>
      <WhenStep done="feed-panel" notDone="stack-panel">
        <Suspense fallback={null}>
          <Grabbable object="banded-panel" position={[0.8, 0.895, -0.42]} hitBox={[0.43, 0.05, 0.33]} grabAction={null}>
            <LookMesh look={bandedPanel} />
          </Grabbable>
        </Suspense>
        <Inspectable object="glue-line" position={[0.8, 0.91, -0.585]} hitBox={[0.43, 0.07, 0.07]}>
          <LookMesh look={glueLine} />
        </Inspectable>
      </WhenStep>
      <DropZone id="finished-cart" accepts={['banded-panel']} size={[0.44, 0.08, 0.36]} position={[0.95, 0.8, 0.0]} />
      <WhenStep done="stack-panel" notDone="clear-jam">
        <Suspense fallback={null}>
          <Grabbable object="jammed-edge" position={[0.06, 1.41, -0.93]} hitBox={[0.23, 0.08, 0.07]}>
            <LookMesh look={jammedEdge} />
          </Grabbable>
        </Suspense>
      </WhenStep>
      <group position={[-0.3, 0.935, -0.46]}>
        <HoldControl object="brush" hitBox={[0.23, 0.08, 0.08]} travel={0.01} progressMs={3000}>
          <LookMesh look={brush} />
        </HoldControl>
      </group>
    </>
  );
}
