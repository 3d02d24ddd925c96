import { useId, useMemo, useRef, useState } from 'react';
import { Text } from '@react-three/drei';
import '../world/text-setup';
import { MeshBasicMaterial } from 'three';
import { useHasAudio } from '../audio/audio-availability';
import { speak } from '../audio/audio-player';
import { termKey } from '../audio/spoken-keys';
import { defaultFontUrl } from '../i18n/fonts';
import { pointerGesture } from '../world/pointer-gesture';
import { usePanelPlate } from './panel-plates';

const WIDTH = 0.8;
const HEIGHT = 0.075;
// Seen by rays, never drawn: the plate is drawn with the panel's other plates (one draw call).
const unseen = new MeshBasicMaterial({ visible: false });

export interface PanelWordProps {
  term: string;
  /** The left (or, right to left, the right) edge of the panel's text column, in the panel's space. */
  x: number;
  y: number;
  /** 1 left to right, -1 right to left: the plate lies on the side the text runs to. */
  side: 1 | -1;
}

/**
 * The Dutch word on the VR instruction panel. Where it can be heard, it sits on a plate that a ray,
 * a pinch or a poke presses, like any panel button, and says the word in Dutch; where it cannot, it
 * is plain text (never a silent button).
 */
export function PanelWord({ term, x, y, side }: PanelWordProps) {
  const audible = useHasAudio('nl', [termKey(term)]);
  if (!audible) return <WordText term={term} position={[x, y, 0]} side={side} />;
  return <AudibleWord term={term} x={x} y={y} side={side} />;
}

function WordText({ term, position, side }: { term: string; position: [number, number, number]; side: 1 | -1 }) {
  return (
    // The Dutch word stays Dutch in every language: learning it is part of the job.
    // Latin script in Noto Sans, left to right, also beside Arabic, Dari or Tigrinya text.
    <Text font={defaultFontUrl} position={position} fontSize={0.045} color="#ffd866" anchorX={side === 1 ? 'left' : 'right'} anchorY="top" direction="ltr">
      {`NL · ${term}`}
    </Text>
  );
}

/** The word on a plate that says it when pressed. */
function AudibleWord({ term, x, y, side }: PanelWordProps) {
  const key = termKey(term);
  const latest = useRef(key);
  latest.current = key;
  const [hovered, setHovered] = useState(false);
  const handlers = useMemo(
    () =>
      pointerGesture('use', {
        end: (_input, _e, over) => {
          if (over) void speak('nl', [latest.current]);
        },
        hover: setHovered,
      }),
    [],
  );
  // The plate's centre: the group sits there, so a test (or the driver) finds the word by its name.
  const cx = x + (side * (WIDTH - 0.04)) / 2;
  const cy = y - HEIGHT / 2 + 0.01;
  const plated = usePanelPlate(useId(), { x: cx, y: cy, width: WIDTH, height: HEIGHT, color: hovered ? '#6b5310' : '#3d3008' });
  return (
    <group name="panel-say-word" position={[cx, cy, 0]} userData={{ termKey: key }} {...handlers}>
      {/* The hit area lies just in front of the panel's texts: a long instruction's block above may reach
          the word's line, and on an exact tie the ray's nearest hit is either of them. */}
      <mesh position={[0, 0, 0.004]} material={plated ? unseen : undefined}>
        <planeGeometry args={[WIDTH, HEIGHT]} />
        {plated ? null : <meshBasicMaterial color="#3d3008" />}
      </mesh>
      <WordText term={term} position={[x - cx, y - cy, 0.006]} side={side} />
    </group>
  );
}
