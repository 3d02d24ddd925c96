import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Group } from 'three';
import { poseAt, type Pose, type PoseTrack } from '../engine/pose-sample';
import type { PoseSource } from './pose-source';

/** Where the side view stands and looks: beside the trainee's spot, the bench and the trainee in view. */
const sidePosition = [1.7, 1.9, 1.1] as const;
const sideTarget = [0, 1.05, -0.45] as const;

/** What a test reads of the replay's drawing (the test build only, see main.tsx). */
export interface ReplayProbe {
  /** The head marker's drawn position (world), null when no head was tracked at the moment shown. */
  headMarker(): [number, number, number] | null;
  /** The moment shown (ms). */
  t(): number;
}

declare global {
  interface Window {
    __werkvloerReplay?: ReplayProbe;
  }
}

function place(group: Group | null, pose: Pose | null) {
  if (!group) return;
  group.visible = pose !== null;
  if (!pose) return;
  group.position.set(pose.p[0], pose.p[1], pose.p[2]);
  group.quaternion.set(pose.q[0], pose.q[1], pose.q[2], pose.q[3]);
}

/**
 * The trainee's head (a ball with a nose towards where they looked) and hands or controllers (small
 * balls) at the moment shown; in the trainee's view the camera is the head. Per frame from refs.
 */
export function PoseMarkers({ source, probe }: { source: PoseSource; probe: boolean }) {
  const head = useRef<Group>(null);
  const hands = { left: useRef<Group>(null), right: useRef<Group>(null) };
  const camera = useThree((s) => s.camera);
  useFrame((_, delta) => {
    source.frame(delta * 1000);
    const viewpoint = source.viewpoint();
    const t = source.t();
    const poses = source.poses();
    const at = (track: PoseTrack) => poseAt(poses, track, t);
    const h = at('head');
    place(head.current, h);
    place(hands.left.current, at('left'));
    place(hands.right.current, at('right'));
    if (viewpoint === 'trainee' && h) {
      // The camera is the head: its marker would only fill the view.
      if (head.current) head.current.visible = false;
      camera.position.set(h.p[0], h.p[1], h.p[2]);
      camera.quaternion.set(h.q[0], h.q[1], h.q[2], h.q[3]);
    } else {
      camera.position.set(...sidePosition);
      camera.lookAt(...sideTarget);
    }
  });
  useEffect(() => {
    if (!probe) return;
    window.__werkvloerReplay = {
      headMarker: () => {
        const g = head.current;
        if (!g || poseAt(source.poses(), 'head', source.t()) === null) return null;
        return [g.position.x, g.position.y, g.position.z];
      },
      t: () => source.t(),
    };
    return () => {
      delete window.__werkvloerReplay;
    };
  }, [probe, source]);
  return (
    <group name="replay-poses">
      <group ref={head} name="replay-head" visible={false}>
        <mesh>
          <boxGeometry args={[0.16, 0.2, 0.2]} />
          <meshLambertMaterial color="#f2b84b" />
        </mesh>
        {/* The nose points where the trainee looked (-z of the head). */}
        <mesh position={[0, 0, -0.14]} rotation={[-Math.PI / 2, 0, 0]}>
          <cylinderGeometry args={[0, 0.04, 0.08, 12]} />
          <meshLambertMaterial color="#c0392b" />
        </mesh>
      </group>
      {(['left', 'right'] as const).map((side) => (
        <group key={side} ref={hands[side]} name={`replay-${side}`} visible={false}>
          <mesh>
            <boxGeometry args={[0.06, 0.04, 0.1]} />
            <meshLambertMaterial color={side === 'left' ? '#2e86c1' : '#27ae60'} />
          </mesh>
        </group>
      ))}
    </group>
  );
}
