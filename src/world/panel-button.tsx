import { useMemo, useRef } from 'react';
import { Text } from '@react-three/drei';
import './text-setup';
import type { Mesh } from 'three';
import type { Device } from '../engine';
import { pointerGesture } from './pointer-gesture';

export interface PanelButtonProps {
  label: string;
  font: string;
  position?: [number, number, number];
  width?: number;
  /** Called with the device that pressed it, for actions the session records (a hint). */
  onPress: (device: Device) => void;
  name?: string;
  /** The current choice among several (the trainee's language): drawn in another colour. */
  active?: boolean;
}

/** A button on an in-world panel, usable by ray, hand, poke or mouse: the same `use` action as every button. */
export function PanelButton({ label, font, position, width = 0.5, onPress, name, active = false }: PanelButtonProps) {
  const plate = useRef<Mesh>(null);
  const latest = useRef(onPress);
  latest.current = onPress;
  const handlers = useMemo(
    () =>
      pointerGesture('use', {
        end: (input, _e, over) => {
          if (over) latest.current(input.device);
        },
        hover: (on) => plate.current?.scale.setScalar(on ? 1.05 : 1),
      }),
    [],
  );
  return (
    // Handlers on the group: the label in front of the plate is part of the button too.
    <group position={position} name={name} {...handlers}>
      <mesh ref={plate}>
        <planeGeometry args={[width, 0.12]} />
        <meshBasicMaterial color={active ? '#2da44e' : '#1f6feb'} />
      </mesh>
      <Text font={font} position={[0, 0, 0.002]} fontSize={0.05} maxWidth={width - 0.02} color="#ffffff" anchorX="center" anchorY="middle" textAlign="center">
        {label}
      </Text>
    </group>
  );
}
