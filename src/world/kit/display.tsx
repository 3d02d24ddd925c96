import { Suspense } from 'react';
import { WorldText } from '../lazy-world-text';
import type { KitPart, PartOf } from './kit-part';
import { box } from './look';
import { palette } from './palette';

/** A machine display in its bezel: the reading, exactly as the machine shows it (Dutch, digits). */
export const display: KitPart<PartOf<'display'>> = {
  body: (part) => [box([part.width + 0.02, part.width * 0.45 + 0.02, 0.02], [0, 0, -0.01], palette.darkSteel), box([part.width, part.width * 0.45, 0.002], [0, 0, 0.001], '#0b1a10')],
  Live: ({ part }) => (
    <Suspense fallback={null}>
      <WorldText script="dutch" position={[0, 0, 0.004]} fontSize={part.width * 0.22} maxWidth={part.width * 0.95} color="#7ee787" anchorX="center" anchorY="middle" textAlign="center">
        {part.reading}
      </WorldText>
    </Suspense>
  ),
};
