import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { stations } from 'virtual:werkvloer/stations';
import { encodePoses, maxPoseSamples, poseHz, type Pose, type PoseSample } from '../engine/pose-codec';
import { poseTakes } from '../results/pose-take';
import { appClock } from '../state/app-clock';
import { useSessionStore } from '../state/session-context';

const position = new Vector3();
const rotation = new Quaternion();
const scale = new Vector3();
const origin = new Matrix4();
const viewerInverse = new Matrix4();
const input = new Matrix4();
const sourcePose = new Matrix4();

function poseOf(m: Matrix4): Pose {
  m.decompose(position, rotation, scale);
  return { p: [position.x, position.y, position.z], q: [rotation.x, rotation.y, rotation.z, rotation.w] };
}

/**
 * Records the trainee's head (the camera: desktop or headset) and, in XR, both hands or controllers
 * (their grip, else their ray) about 10 times a second while an attempt is played, in the scene's
 * coordinates — those of layout.json. Mounted after the station's first frame, in its own chunk.
 * An XR input's pose comes in the reference space; the camera's world pose and the viewer's pose in
 * that space give the origin's place, so no internals of the XR library are read.
 */
export function PoseRecorder() {
  const session = useSessionStore();
  const samples = useRef<PoseSample[]>([]);
  const recording = useRef<string | null>(null);
  const last = useRef(-Infinity);

  useEffect(() => {
    const follow = (id: string | null, scenarioId: string | null) => {
      if (id === null || id === recording.current) return;
      const list: PoseSample[] = [];
      samples.current = list;
      recording.current = id;
      last.current = -Infinity;
      const layoutHash = stations.find((s) => s.id === scenarioId)?.layoutHash ?? null;
      poseTakes.register(id, () => (list.length > 0 ? { layoutHash, hz: poseHz, data: encodePoses(list) } : null));
    };
    const s = session.getState();
    if (s.status === 'playing') follow(s.sessionId, s.scenario?.id ?? null);
    return session.subscribe((next) => {
      if (next.status === 'playing') follow(next.sessionId, next.scenario?.id ?? null);
    });
  }, [session]);

  useFrame(({ camera, gl }) => {
    const s = session.getState();
    if (s.status !== 'playing' || s.sessionId !== recording.current || samples.current.length >= maxPoseSamples) return;
    const now = appClock.now();
    if (now - last.current < 1000 / poseHz) return;
    last.current = now;
    camera.updateMatrixWorld();
    const sample: PoseSample = { t: Math.max(0, Math.round(now - s.startedAt)), head: poseOf(camera.matrixWorld), left: null, right: null };
    const frame = gl.xr.isPresenting ? gl.xr.getFrame() : null;
    const space = gl.xr.getReferenceSpace();
    const viewer = frame && space ? frame.getViewerPose(space) : null;
    if (frame && space && viewer) {
      origin.copy(camera.matrixWorld).multiply(viewerInverse.fromArray(viewer.transform.matrix).invert());
      for (const source of frame.session.inputSources) {
        if (source.handedness !== 'left' && source.handedness !== 'right') continue;
        const pose = frame.getPose(source.gripSpace ?? source.targetRaySpace, space);
        if (pose) sample[source.handedness] = poseOf(input.multiplyMatrices(origin, sourcePose.fromArray(pose.transform.matrix)));
      }
    }
    samples.current.push(sample);
  });
  return null;
}

export default PoseRecorder;
