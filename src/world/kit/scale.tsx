import { Suspense } from 'react';
import { DropZone } from '../later-parts';
import { WorldText } from '../lazy-world-text';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { box } from './look';
import { palette } from './palette';

/** A bench scale: stainless 300 × 300 mm platform on a grey base, the display on its front. */
export const scale: KitPart<PartOf<'scale'>> = {
  body: () => [box([0.32, 0.07, 0.34], [0, 0.035, 0], palette.paintedGrey), box([0.3, 0.012, 0.3], [0, 0.076, -0.01], palette.stainless), box([0.14, 0.05, 0.02], [0, 0.04, 0.18], palette.darkSteel, [-0.4, 0, 0])],
  Live: ({ part }) => (
    <>
      {part.zone && part.accepts ? <DropZone id={part.zone} accepts={part.accepts} position={[0, 0.13, -0.01]} size={[0.3, 0.1, 0.3]} marked={false} /> : null}
      <Suspense fallback={null}>
        <WorldText script="dutch" position={[0, 0.042, 0.192]} rotation={[-0.4, 0, 0]} fontSize={0.02} color="#7ee787" anchorX="center" anchorY="middle">
          {part.reading}
        </WorldText>
      </Suspense>
    </>
  ),
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const scaleOperations = (part: PartOf<'scale'>): PartOperation[] => (part.accepts ?? []).map((object) => ({ object, kind: 'place-into' as const, aim: [0, 0.13, 0] as const, range: HAND_REACH }));
