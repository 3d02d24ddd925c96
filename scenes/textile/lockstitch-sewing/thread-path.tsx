import { LookMesh, PartsBuilder, type StaticPart } from '../../../src/world';
import { needleEye, takeUpLever, tensionDisc, threadGuide } from './layout';
import { useStepDone } from './use-station-state';

type P = [number, number, number];
const spool: P = [0.98, 1.37, -0.9];
const arm: P = [0.76, 1.36, -0.9];
/** The upper thread, point by point in threading order (the guides of layout.ts). */
const path: P[] = [spool, arm, threadGuide, tensionDisc, takeUpLever, needleEye];
/** Points reached after each threading step: 0 guides threaded → only spool to arm. */
const reachedAfter = [2, 3, 4, 5, 6];

function threadUpTo(points: number): StaticPart[] {
  const c = new PartsBuilder();
  for (let i = 1; i < points; i++) c.segment(path[i - 1]!, path[i]!, 0.0015, '#f7c948');
  return c.parts;
}

const looks = reachedAfter.map(threadUpTo);

/** The yellow thread, drawn as far as the trainee has threaded it, by the station's live batch (no draw call of its own). */
export function ThreadPath() {
  // Fixed calls, one per threading step (hooks in a fixed order).
  const done = [useStepDone('thread-guide'), useStepDone('thread-tension'), useStepDone('thread-take-up'), useStepDone('thread-needle')].filter(Boolean).length;
  return <LookMesh look={looks[done]!} name="upper-thread" />;
}
