import { useMemo, useRef } from 'react';
import { Text } from '@react-three/drei';
import './text-setup';
import { useTranslation } from 'react-i18next';
import type { Mesh } from 'three';
import { useStore } from 'zustand';
import { comfortSettings } from '../input/comfort-settings';
import { pointerGesture } from './pointer-gesture';

const onColor = '#2da44e';
const offColor = '#57606a';

interface ComfortToggleProps {
  name: string;
  label: string;
  font: string;
  on: boolean;
  position: [number, number, number];
  onToggle: () => void;
}

/** A switch on the panel: green when on, grey when off, so it reads without words. */
function ComfortToggle({ name, label, font, on, position, onToggle }: ComfortToggleProps) {
  const plate = useRef<Mesh>(null);
  const latest = useRef(onToggle);
  latest.current = onToggle;
  const handlers = useMemo(
    () =>
      pointerGesture('use', {
        end: (_input, _e, over) => {
          if (over) latest.current();
        },
        hover: (hovered) => plate.current?.scale.setScalar(hovered ? 1.05 : 1),
      }),
    [],
  );
  return (
    <group position={position} name={name} userData={{ on }} {...handlers}>
      <mesh ref={plate}>
        <planeGeometry args={[0.56, 0.1]} />
        <meshBasicMaterial color={on ? onColor : offColor} />
      </mesh>
      <Text font={font} position={[0, 0, 0.002]} fontSize={0.04} color="#ffffff" anchorX="center" anchorY="middle" maxWidth={0.54}>
        {label}
      </Text>
    </group>
  );
}

/**
 * VR comfort switches, on the settings panel (src/world/settings-panel.tsx): seated play and smooth
 * movement, changeable without taking the headset off. The choice is remembered by the headset
 * (comfort-settings). Shown only when asked for: two switches always in view cost four draw calls a frame.
 */
export function ComfortToggles({ font, position }: { font: string; position: [number, number, number] }) {
  const { t } = useTranslation('ui');
  const seated = useStore(comfortSettings, (s) => s.seated);
  const smoothMove = useStore(comfortSettings, (s) => s.smoothMove);
  return (
    <group position={position} name="comfort-panel">
      <ComfortToggle name="comfort-seated" label={t('play.seated')} font={font} on={seated} position={[0, 0, 0]} onToggle={() => comfortSettings.getState().setSeated(!seated)} />
      <ComfortToggle name="comfort-smooth" label={t('play.smoothMove')} font={font} on={smoothMove} position={[0, -0.12, 0]} onToggle={() => comfortSettings.getState().setSmoothMove(!smoothMove)} />
    </group>
  );
}
