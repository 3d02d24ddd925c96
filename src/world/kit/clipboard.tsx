import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Interactable } from '../interactable';
import { ReadCloser } from '../read-closer';
import { WorldText } from '../lazy-world-text';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { box } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

const board = [box([0.23, 0.32, 0.006], [0, 0, 0], '#6b4f2e'), box([0.21, 0.28, 0.002], [0, -0.01, 0.004], palette.white), box([0.09, 0.03, 0.014], [0, 0.15, 0.008], palette.stainless)];

/** The work order as found on the floor: in Dutch whatever the app's language (reading it is the step). */
function Lines({ lines, namespace, at = 0.006 }: { lines: readonly string[]; namespace?: string; at?: number }) {
  const { t } = useTranslation(namespace);
  return (
    <WorldText script="dutch" position={[-0.095, 0.12, at]} fontSize={0.016} lineHeight={1.4} maxWidth={0.19} anchorX="left" anchorY="top">
      {lines.map((key) => t(key, { lng: 'nl' })).join('\n')}
    </WorldText>
  );
}

/** The sheet held up to read: white paper in a dark edge, the same lines (src/world/read-closer.tsx). */
function Sheet({ lines, namespace }: { lines: readonly string[]; namespace?: string }) {
  return (
    <>
      <mesh position={[0, 0, -0.002]}>
        <planeGeometry args={[0.23, 0.32]} />
        <meshBasicMaterial color="#6b4f2e" />
      </mesh>
      <mesh position={[0, -0.01, 0]}>
        <planeGeometry args={[0.21, 0.28]} />
        <meshBasicMaterial color={palette.white} />
      </mesh>
      <Suspense fallback={null}>
        <Lines lines={lines} {...(namespace ? { namespace } : {})} at={0.002} />
      </Suspense>
    </>
  );
}

/**
 * A clipboard with the work order: pressed to read it (`inspect` by default), or without an object
 * only read. With lines, pointing at it in VR holds it up at reading distance.
 */
export const clipboard: KitPart<PartOf<'clipboard'>> = {
  body: (part) => (part.object ? [] : board),
  Live: ({ part }) => {
    const ns = part.namespace ? { namespace: part.namespace } : {};
    const lines =
      part.lines.length > 0 ? (
        <Suspense fallback={null}>
          <Lines lines={part.lines} {...ns} />
        </Suspense>
      ) : null;
    const hanging = part.object ? (
      <Interactable object={part.object} action={part.action} hitBox={[0.24, 0.33, 0.03]}>
        <LookMesh look={board} />
        {lines}
      </Interactable>
    ) : (
      lines
    );
    return part.lines.length > 0 ? (
      <ReadCloser size={[0.24, 0.33]} catchesRays={part.object !== undefined} copy={<Sheet lines={part.lines} {...ns} />} name={`document:${part.object ?? 'clipboard'}`}>
        {hanging}
      </ReadCloser>
    ) : (
      hanging
    );
  },
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const clipboardOperations = (part: PartOf<'clipboard'>): PartOperation[] => (part.object ? [{ object: part.object, kind: 'press', aim: [0, 0, 0.01], range: HAND_REACH }] : []);
