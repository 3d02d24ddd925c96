import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import { nextCue } from '../state/next-cue';
import { useSessionStore } from '../state/session-context';
import { currentStepView } from '../state/step-view';
import { objectRegistry } from '../world/object-registry';

const at = new Vector3();
/** Inside this part of the view (normalised device coordinates) the object counts as seen. */
const SEEN = 0.85;
const STEP = 15;

/**
 * Measures, on a computer, whether the next step's object is in view; if not, which way to turn.
 * Writes to the cue store only when that changes: nothing is allocated per frame.
 */
export function NextCueProbe() {
  const session = useSessionStore();
  // The next step's object, worked out when the session changes, not every frame.
  const target = useRef<string | null>(null);
  useEffect(() => {
    const follow = () => {
      const s = session.getState();
      const view = s.status === 'playing' && s.scenario && s.engine && !s.engine.halted ? currentStepView(s.scenario, s.engine) : null;
      target.current = view?.objectId ?? null;
    };
    follow();
    const stop = session.subscribe(follow);
    return () => {
      stop();
      nextCue.setState({ shown: false, angle: 0 });
    };
  }, [session]);
  useFrame(({ camera, gl }) => {
    const object = target.current && !gl.xr.isPresenting ? objectRegistry.get(target.current) : undefined;
    let shown = false;
    let angle = 0;
    if (object) {
      // In the camera's own space the view looks down -z: a positive z is behind the trainee.
      const behind = object.getWorldPosition(at).applyMatrix4(camera.matrixWorldInverse).z > 0;
      object.getWorldPosition(at).project(camera);
      shown = behind || Math.abs(at.x) > SEEN || Math.abs(at.y) > SEEN;
      if (shown) {
        // Behind the trainee the projection mirrors: turn the other way.
        // Device coordinates run -1…1 both ways: scale x by the view's width over height for a screen angle.
        const x = (behind ? -at.x : at.x) * ((camera as { aspect?: number }).aspect ?? 1);
        const y = behind ? -at.y : at.y;
        angle = Math.round((Math.atan2(y, x) * 180) / Math.PI / STEP) * STEP;
      }
    }
    const now = nextCue.getState();
    if (now.shown !== shown || (shown && now.angle !== angle)) nextCue.setState({ shown, angle: shown ? angle : 0 });
  });
  return null;
}
