import { useId, useMemo, useRef, useState } from 'react';
import { Text } from '@react-three/drei';
import '../world/text-setup';
import { MeshBasicMaterial } from 'three';
import type { Device } from '../engine';
import { usePanelPlate } from './panel-plates';
import { pointerGesture } from '../world/pointer-gesture';

const HEIGHT = 0.12;
const colors = { idle: '#1f6feb', hover: '#4c8ff5', active: '#2da44e', activeHover: '#3fbf62', off: '#57606a', offHover: '#6e7781' };
// Seen by rays, never drawn: the plate itself is drawn by the panel's PanelPlates.
const unseen = new MeshBasicMaterial({ visible: false });

export interface PanelButtonProps {
  label: string;
  font: string;
  position?: [number, number, number];
  width?: number;
  /** Called with the device that pressed it, for actions the session records (a hint). */
  onPress: (device: Device) => void;
  name?: string;
  /** The current choice among several (the trainee's language), or a switch that is on: green. */
  active?: boolean;
  /** A switch (seated play): grey while off, so on and off read without words. */
  kind?: 'button' | 'switch';
}

/** A button on an in-world panel, usable by ray, hand, poke or mouse: the same `use` action as every button. */
export function PanelButton({ label, font, position = [0, 0, 0], width = 0.5, onPress, name, active = false, kind = 'button' }: PanelButtonProps) {
  const latest = useRef(onPress);
  latest.current = onPress;
  const [hovered, setHovered] = useState(false);
  const handlers = useMemo(
    () =>
      pointerGesture('use', {
        end: (input, _e, over) => {
          if (over) latest.current(input.device);
        },
        hover: setHovered,
      }),
    [],
  );
  const color = active ? (hovered ? colors.activeHover : colors.active) : kind === 'switch' ? (hovered ? colors.offHover : colors.off) : hovered ? colors.hover : colors.idle;
  const shared = usePanelPlate(useId(), { x: position[0], y: position[1], width, height: HEIGHT, color });
  return (
    // Handlers on the group: the label in front of the plate is part of the button too.
    <group position={position} name={name} {...handlers}>
      {shared ? (
        <mesh material={unseen}>
          <planeGeometry args={[width, HEIGHT]} />
        </mesh>
      ) : (
        <mesh>
          <planeGeometry args={[width, HEIGHT]} />
          <meshBasicMaterial color={color} />
        </mesh>
      )}
      <Text font={font} position={[0, 0, 0.002]} fontSize={0.05} maxWidth={width - 0.02} color="#ffffff" anchorX="center" anchorY="middle" textAlign="center">
        {label}
      </Text>
    </group>
  );
}
