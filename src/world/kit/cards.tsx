import { ClassifyCards } from '../later-parts';
import { useMemo } from 'react';
import { useSession } from '../../state/session-context';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH, ORIGIN } from './kit-part';

/**
 * A label without "namespace:" is a key of the station's own namespace (its scenario id), so the
 * country variants of one station share their cards; a key that is not there shows as written ("12").
 */
const ownKey = (label: string, ns: string | undefined) => (ns && !label.includes(':') && !label.includes(' ') ? `${ns}:${label}` : label);

/** Cards to choose from: `classify` (good / which defect) or `answer` (a number, a word). */
export const cards: KitPart<PartOf<'cards'>> = {
  Live: function Cards({ part }) {
    const ns = useSession((s) => s.scenario?.id);
    const labelled = useMemo(() => part.cards.map((c) => ({ ...c, label: ownKey(c.label, ns) })), [part.cards, ns]);
    return <ClassifyCards position={ORIGIN} object={part.object} action={part.action} cards={labelled} />;
  },
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const cardsOperations = (part: PartOf<'cards'>): PartOperation[] => [{ object: part.object, kind: 'classify', aim: [0, 0, 0], range: HAND_REACH }];
