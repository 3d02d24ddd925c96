import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Matrix4, Vector3, type Group } from 'three';
import { cueFrom, nextCue } from '../state/next-cue';
import { useSessionStore } from '../state/session-context';
import { currentStepView } from '../state/step-view';
import { objectRegistry } from '../world/object-registry';
import { VrCueArrow, placeVrCue } from './vr-cue-arrow';

const at = new Vector3();
const drawn = new Vector3();
const inverse = new Matrix4();
const view = { x: 0, y: 0, z: 0 };
const ndc = { x: 0, y: 0 };

/**
 * Measures whether the next step's object is in view; if not, which way to turn. On a computer the
 * overlay draws the arrow from the store; in a headset this draws one at the edge of the view
 * (src/play/vr-cue-arrow.tsx). Writes to the cue store only when the answer changes: nothing is
 * allocated per frame.
 */
export function NextCueProbe() {
  const session = useSessionStore();
  const arrow = useRef<Group>(null);
  // The next step's object, worked out when the session changes, not every frame.
  const target = useRef<string | null>(null);
  useEffect(() => {
    const follow = () => {
      const s = session.getState();
      const v = s.status === 'playing' && s.scenario && s.engine && !s.engine.halted ? currentStepView(s.scenario, s.engine) : null;
      target.current = v?.objectId ?? null;
    };
    follow();
    const stop = session.subscribe(follow);
    return () => {
      stop();
      nextCue.setState({ shown: false, angle: 0 });
    };
  }, [session]);
  useFrame(({ camera, gl }) => {
    const object = target.current ? objectRegistry.get(target.current) : undefined;
    let cue = { shown: false, angle: 0 };
    if (object) {
      // In a headset the renderer copies the head's pose and field of view into this camera. Its world
      // matrix is brought up to date first: a turn by keys since the last frame counts now, not a
      // frame late (the arrow would show the way from where the trainee looked before).
      camera.updateMatrixWorld();
      object.getWorldPosition(at);
      drawn.copy(at).applyMatrix4(inverse.copy(camera.matrixWorld).invert());
      view.x = drawn.x;
      view.y = drawn.y;
      view.z = drawn.z;
      drawn.copy(at).project(camera);
      ndc.x = drawn.x;
      ndc.y = drawn.y;
      cue = cueFrom(view, ndc);
    }
    const now = nextCue.getState();
    if (now.shown !== cue.shown || now.angle !== cue.angle) nextCue.setState(cue);
    if (arrow.current) placeVrCue(arrow.current, camera, gl.xr.isPresenting && cue.shown, cue.angle);
  });
  return <VrCueArrow ref={arrow} />;
}
