import { DropZone } from '../later-parts';
import type { StaticPart } from '../static-parts';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { box } from './look';
import { palette } from './palette';

const colour = { good: palette.signalGreen, reject: palette.signalRed, waste: '#5c6166' } as const;
const W = 0.4;
const D = 0.3;
const H = 0.3;

/** An open plastic crate, 400 × 300 mm (the Euro container), its walls around a floor. */
export function crateWalls(color: string, w = W, d = D, h = H): StaticPart[] {
  const t = 0.012;
  return [
    box([w, t, d], [0, t / 2, 0], color),
    box([w, h, t], [0, h / 2, d / 2 - t / 2], color),
    box([w, h, t], [0, h / 2, -d / 2 + t / 2], color),
    box([t, h, d], [w / 2 - t / 2, h / 2, 0], color),
    box([t, h, d], [-w / 2 + t / 2, h / 2, 0], color),
  ];
}

/** A good / reject / waste bin: a coloured crate that is a drop zone for what it accepts. */
export const bin: KitPart<PartOf<'bin'>> = {
  body: (part) => crateWalls(colour[part.kind]),
  Live: ({ part }) => <DropZone id={part.zone} accepts={part.accepts} position={[0, H / 2, 0]} size={[W, H, D]} marked={false} />,
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const binOperations = (part: PartOf<'bin'>): PartOperation[] => part.accepts.map((object) => ({ object, kind: 'place-into' as const, aim: [0, H / 2, 0] as const, range: HAND_REACH }));
