import { useRef } from 'react';
import { Text } from '@react-three/drei';
import './text-setup';
import type { Mesh } from 'three';
import type { ThreeEvent } from '@react-three/fiber';

export interface PanelButtonProps {
  label: string;
  font: string;
  position?: [number, number, number];
  width?: number;
  onPress: () => void;
  name?: string;
}

/** A button on an in-world panel, usable by ray, hand or mouse; it fires on down-then-up like every action. */
export function PanelButton({ label, font, position, width = 0.5, onPress, name }: PanelButtonProps) {
  const pressedBy = useRef<number | null>(null);
  const plate = useRef<Mesh>(null);
  return (
    <group position={position} name={name}>
      <mesh
        ref={plate}
        onPointerDown={(e: ThreeEvent<PointerEvent>) => {
          e.stopPropagation();
          pressedBy.current = e.pointerId;
        }}
        onPointerUp={(e: ThreeEvent<PointerEvent>) => {
          e.stopPropagation();
          if (pressedBy.current !== e.pointerId) return;
          pressedBy.current = null;
          onPress();
        }}
        onPointerOver={() => plate.current?.scale.setScalar(1.05)}
        onPointerOut={() => {
          pressedBy.current = null;
          plate.current?.scale.setScalar(1);
        }}
      >
        <planeGeometry args={[width, 0.12]} />
        <meshBasicMaterial color="#1f6feb" />
      </mesh>
      <Text font={font} position={[0, 0, 0.002]} fontSize={0.05} color="#ffffff" anchorX="center" anchorY="middle">
        {label}
      </Text>
    </group>
  );
}
