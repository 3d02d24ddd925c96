import { Suspense } from 'react';
import { lazyAfterFirstFrame } from './first-station-frame';
import { Interactable } from './interactable';
import { LookMesh } from './kit/look-mesh';
import { box } from './kit/look';
import type { StaticPart } from './static-parts';

const CardLabel = lazyAfterFirstFrame(() => import('./card-label'));
// The picture's slot comes with the label, after the first frame: the card itself is there at once.
const PictogramSlot = lazyAfterFirstFrame(() => import('./pictogram-slot').then((m) => ({ default: m.PictogramSlot })));

export interface ClassifyCard {
  /** The class id sent as the value of `classify` (e.g. `good`, `short-shot`). */
  id: string;
  /** Translation key of the card's word (in the scenario's namespace: `<scenario id>:classes.good`), or a number shown as is. */
  label: string;
  /** A picture of the class; an empty slot until issue 9's pictograms exist. */
  pictogram?: string;
  /** The slot's colour when there is no picture (green for good, red for a defect). */
  color?: string;
}

export interface ClassifyCardsProps {
  /** The object classified: the part, the fabric, the slices. */
  object: string;
  /** `classify` (default), or `answer` for choosing a number or a word (how many slices?). */
  action?: 'classify' | 'answer';
  cards: readonly ClassifyCard[];
  position: [number, number, number];
  rotation?: [number, number, number];
}

const WIDTH = 0.12;
const GAP = 0.02;
const SLOT = 0.09;
// The card itself joins the station's live batch: six cards cost no draw call of their own.
const cardLook = [box([WIDTH, 0.16, 0.008], [0, 0, 0], '#f0f4f8')];
/**
 * A card without a picture: its slot's colour (green for good, red for a defect) is part of the
 * card's look, so it too is drawn by the live batch; only a real picture (a texture) needs a mesh
 * of its own. One look per colour, made once (the batch merges a look once).
 */
const colouredCards = new Map<string, StaticPart[]>();
function colouredCard(color = '#d9e2ec'): StaticPart[] {
  let look = colouredCards.get(color);
  if (!look) {
    look = [...cardLook, box([SLOT, SLOT, 0.001], [0, 0.025, 0.0045], color)];
    colouredCards.set(color, look);
  }
  return look;
}

/**
 * Choosing from pictogram cards: good or which defect. Each card is pressed like a button and sends
 * `classify` with its class id. Picture first, one word under it: reading is not needed.
 */
export function ClassifyCards({ object, action = 'classify', cards, position, rotation }: ClassifyCardsProps) {
  const start = -((cards.length - 1) * (WIDTH + GAP)) / 2;
  return (
    <group name={`classify:${object}`} position={position} rotation={rotation}>
      {cards.map((card, i) => (
        <group key={card.id} name={`card:${card.id}`} position={[start + i * (WIDTH + GAP), 0, 0]}>
          <Interactable object={object} probeId={`${object}:${card.id}`} action={action} value={card.id} travel={0.005} hitBox={[WIDTH, 0.16, 0.016]}>
            <LookMesh look={card.pictogram ? cardLook : colouredCard(card.color)} />
            <Suspense fallback={null}>
              {card.pictogram ? <PictogramSlot src={card.pictogram} color={card.color} size={SLOT} position={[0, 0.025, 0.006]} /> : null}
              <CardLabel label={card.label} position={[0, -0.055, 0.006]} />
            </Suspense>
          </Interactable>
        </group>
      ))}
    </group>
  );
}
