import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { encodePoses, maxPoseSamples, poseHz, type Pose, type PoseSample } from '../engine/pose-codec';
import { recentSamples } from '../engine/recent-poses';
import type { PosesRecord } from '../results/pose-take';
import type { SessionStore } from '../state/session-store';

export interface PoseRecorderProps {
  session: SessionStore;
  /** The clock the session's event times come from (src/state/app-clock.ts). */
  now: () => number;
  /** Where the upload finds the attempt's poses (src/results/pose-take.ts). */
  register: (sessionId: string, take: () => Omit<PosesRecord, 'layoutHash'> | null, recent?: (windowMs: number, hz: number) => Omit<PosesRecord, 'layoutHash'> | null) => void;
}

type M = ArrayLike<number>;


/** a × b of column-major 4×4 matrices (three's and WebXR's layout), into a new array. */
function multiply(a: M, b: M): number[] {
  const out = new Array<number>(16);
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) out[c * 4 + r] = a[r]! * b[c * 4]! + a[4 + r]! * b[c * 4 + 1]! + a[8 + r]! * b[c * 4 + 2]! + a[12 + r]! * b[c * 4 + 3]!;
  return out;
}

/** The inverse of a rigid transform (rotation and translation only: a pose). */
function invertRigid(m: M): number[] {
  const out = [m[0]!, m[4]!, m[8]!, 0, m[1]!, m[5]!, m[9]!, 0, m[2]!, m[6]!, m[10]!, 0, 0, 0, 0, 1];
  for (let r = 0; r < 3; r++) out[12 + r] = -(out[r]! * m[12]! + out[4 + r]! * m[13]! + out[8 + r]! * m[14]!);
  return out;
}

/** Position and rotation of a rigid column-major matrix (the rotation part taken as unscaled). */
function poseOf(m: M): Pose {
  const [m11, m21, m31, , m12, m22, m32, , m13, m23, m33] = Array.from(m);
  const trace = m11! + m22! + m33!;
  let q: [number, number, number, number];
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    q = [(m32! - m23!) * s, (m13! - m31!) * s, (m21! - m12!) * s, 0.25 / s];
  } else if (m11! > m22! && m11! > m33!) {
    const s = 2 * Math.sqrt(1 + m11! - m22! - m33!);
    q = [0.25 * s, (m12! + m21!) / s, (m13! + m31!) / s, (m32! - m23!) / s];
  } else if (m22! > m33!) {
    const s = 2 * Math.sqrt(1 + m22! - m11! - m33!);
    q = [(m12! + m21!) / s, 0.25 * s, (m23! + m32!) / s, (m13! - m31!) / s];
  } else {
    const s = 2 * Math.sqrt(1 + m33! - m11! - m22!);
    q = [(m13! + m31!) / s, (m23! + m32!) / s, 0.25 * s, (m21! - m12!) / s];
  }
  return { p: [m[12]!, m[13]!, m[14]!], q };
}

/**
 * Records the trainee's head (the camera: desktop or headset) and, in XR, both hands or controllers
 * (their grip, else their ray) about 10 times a second while an attempt is played, in the scene's
 * coordinates — those of layout.json. Mounted after the station's first frame, in its own chunk,
 * importing nothing of the app: what it needs comes in its props (imported here, the app's modules
 * were split out of the first frame's chunk into shared ones: +1.8 KB gzip before the first frame).
 * An XR input's pose comes in the reference space; the camera's world pose and the viewer's pose in
 * that space give the origin's place, so no internals of the XR library are read.
 */
export function PoseRecorder({ session, now: clock, register }: PoseRecorderProps) {
  const samples = useRef<PoseSample[]>([]);
  const recording = useRef<string | null>(null);
  const last = useRef(-Infinity);

  useEffect(() => {
    const follow = (id: string | null) => {
      if (id === null || id === recording.current) return;
      const list: PoseSample[] = [];
      samples.current = list;
      recording.current = id;
      last.current = -Infinity;
      register(
        id,
        () => (list.length > 0 ? { hz: poseHz, data: encodePoses(list) } : null),
        // The live 3D view (while a trainer watches): the last moments, thinned to a lower rate.
        (windowMs, hz) => {
          const recent = recentSamples(list, windowMs, hz);
          return recent.length > 0 ? { hz, data: encodePoses(recent) } : null;
        },
      );
    };
    const s = session.getState();
    if (s.status === 'playing') follow(s.sessionId);
    return session.subscribe((next) => {
      if (next.status === 'playing') follow(next.sessionId);
    });
  }, [session, register]);

  useFrame(({ camera, gl }) => {
    const s = session.getState();
    if (s.status !== 'playing' || s.sessionId !== recording.current || samples.current.length >= maxPoseSamples) return;
    const now = clock();
    if (now - last.current < 1000 / poseHz) return;
    last.current = now;
    camera.updateMatrixWorld();
    const head = camera.matrixWorld.elements;
    const sample: PoseSample = { t: Math.max(0, Math.round(now - s.startedAt)), head: poseOf(head), left: null, right: null };
    const frame = gl.xr.isPresenting ? gl.xr.getFrame() : null;
    const space = gl.xr.getReferenceSpace();
    const viewer = frame && space ? frame.getViewerPose(space) : null;
    if (frame && space && viewer) {
      const origin = multiply(head, invertRigid(viewer.transform.matrix));
      for (const source of frame.session.inputSources) {
        if (source.handedness !== 'left' && source.handedness !== 'right') continue;
        const pose = frame.getPose(source.gripSpace ?? source.targetRaySpace, space);
        if (pose) sample[source.handedness] = poseOf(multiply(origin, pose.transform.matrix));
      }
    }
    samples.current.push(sample);
  });
  return null;
}

export default PoseRecorder;
