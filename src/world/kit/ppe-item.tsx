import type { StaticPart } from '../static-parts';
import { Grabbable } from '../grabbable';
import type { PartOf } from './kit-part';
import { ORIGIN } from './kit-part';
import { box, cylinder } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

type Item = PartOf<'ppe'>['item'];
const HALF_PI = Math.PI / 2;
const glove = (c: string, x: number): StaticPart[] => [box([0.09, 0.025, 0.16], [x, 0, 0], c), box([0.03, 0.02, 0.05], [x + 0.05, 0, 0.02], c, [0, -0.5, 0])];

/** One look per item, as a trainee finds it lying on a bench or hanging on the rack. */
const looks: Record<Item, StaticPart[]> = {
  'safety-glasses': [
    box([0.15, 0.045, 0.006], [0, 0, 0], '#9fc6e6'),
    box([0.155, 0.012, 0.01], [0, 0.025, 0], palette.black),
    box([0.006, 0.012, 0.13], [-0.075, 0.02, -0.065], palette.black),
    box([0.006, 0.012, 0.13], [0.075, 0.02, -0.065], palette.black),
  ],
  'hearing-protection': [
    cylinder(0.04, 0.035, [-0.07, 0, 0], palette.safetyYellow, [0, 0, HALF_PI], 16),
    cylinder(0.04, 0.035, [0.07, 0, 0], palette.safetyYellow, [0, 0, HALF_PI], 16),
    box([0.15, 0.012, 0.025], [0, 0.075, 0], palette.black),
    box([0.012, 0.07, 0.025], [-0.07, 0.04, 0], palette.black),
    box([0.012, 0.07, 0.025], [0.07, 0.04, 0], palette.black),
  ],
  'work-gloves': [...glove('#c9a227', -0.055), ...glove('#c9a227', 0.055)],
  'cut-resistant-gloves': [...glove('#9aa7b0', -0.055), ...glove('#9aa7b0', 0.055), box([0.2, 0.004, 0.05], [0, 0.014, -0.06], palette.black)],
  'chain-mail-glove': [...glove(palette.stainless, 0), box([0.1, 0.02, 0.06], [0, 0, -0.1], palette.signalBlue)],
  hairnet: [cylinder(0.08, 0.03, [0, 0, 0], '#e9edf0', undefined, 20, 0.085)],
  // Blue, as most plants buy them: told apart from the white hairnet at a glance.
  'beard-net': [cylinder(0.06, 0.02, [0, 0, 0], '#4c8bf5', undefined, 16, 0.065)],
  coat: [box([0.4, 0.05, 0.3], [0, 0, 0], palette.white), box([0.12, 0.04, 0.3], [-0.2, 0, 0], palette.white, [0, 0.4, 0]), box([0.12, 0.04, 0.3], [0.2, 0, 0], palette.white, [0, -0.4, 0])],
  apron: [box([0.35, 0.02, 0.45], [0, 0, 0], '#5b8fc7'), box([0.5, 0.01, 0.02], [0, 0.012, -0.1], '#5b8fc7')],
  'safety-shoes': [box([0.1, 0.09, 0.28], [-0.065, 0.045, 0], palette.black), box([0.1, 0.09, 0.28], [0.065, 0.045, 0], palette.black), box([0.1, 0.015, 0.28], [-0.065, 0.007, 0], palette.safetyYellow), box([0.1, 0.015, 0.28], [0.065, 0.007, 0], palette.safetyYellow)],
};
const onHead = new Set<Item>(['safety-glasses', 'hearing-protection', 'hairnet', 'beard-net']);
const hit: Record<Item, [number, number, number]> = {
  'safety-glasses': [0.2, 0.07, 0.16],
  'hearing-protection': [0.22, 0.12, 0.1],
  'work-gloves': [0.24, 0.06, 0.2],
  'cut-resistant-gloves': [0.24, 0.06, 0.2],
  'chain-mail-glove': [0.14, 0.06, 0.26],
  hairnet: [0.18, 0.06, 0.18],
  'beard-net': [0.14, 0.05, 0.14],
  coat: [0.5, 0.08, 0.34],
  apron: [0.4, 0.06, 0.48],
  'safety-shoes': [0.26, 0.1, 0.3],
};

/** One item of personal protective equipment where the layout puts it: a press or (VR) bringing it to the face or chest wears it. */
export function PpeItem({ part }: { part: PartOf<'ppe'> }) {
  return (
    <Grabbable position={ORIGIN} object={part.object} wear={onHead.has(part.item) ? 'head' : 'body'} hitBox={hit[part.item]}>
      <LookMesh look={looks[part.item]} />
    </Grabbable>
  );
}
