import ReactThreeTestRenderer from '@react-three/test-renderer';
import { join } from 'node:path';
import type { ComponentType } from 'react';
import type { Object3D } from 'three';
import { loadScene } from '../../../scripts/check-scenes';
import { loadLayoutFile } from '../../../scripts/layout-file';
import type { KitPartName, Layout, Scenario } from '../../../src/engine';
import { kitCatalog } from '../../../src/world/kit/catalog';
import type { KitPart } from '../../../src/world/kit/kit-part';
import { LayoutStation } from '../../../src/world/layout-station';
import { SessionProvider } from '../../../src/state/session-context';
import { createSessionStore } from '../../../src/state/session-store';
import { firstStationFrame } from '../../../src/world/first-station-frame';
import { placedParts as placedNow } from '../../../src/world/placed-parts';
import { producerOf, unproducible, zoneFor, type Part, type PathEvent } from '../../e2e/support/path-plan';

// React's act() is what the test renderer uses to flush updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const root = process.cwd();
const compositions = import.meta.glob<{ default: ComponentType }>('../../../scenes/*/*/station.tsx');

/** The parts placed now, as the test build's driver probe lists them in the browser. */
export function placedParts(): Part[] {
  return placedNow().map(({ id, object, operation }) => ({ id, object, operation }));
}

async function kitFor(layout: Layout): Promise<Partial<Record<KitPartName, KitPart>>> {
  const kit: Partial<Record<KitPartName, KitPart>> = {};
  for (const name of new Set(layout.parts.map((p) => p.part))) {
    const [file, exportName] = kitCatalog[name];
    kit[name] = (await import(`../../../src/world/kit/${file}.tsx`).catch(() => import(`../../../src/world/kit/${file}.ts`)))[exportName] as KitPart;
  }
  return kit;
}

/**
 * The station as the build composes it (scripts/vite-stations.ts): drawn from layout.json by the kit
 * parts it names, with station.tsx (what is unique) inside; or station.tsx alone.
 */
async function composition(folder: string, sc: Scenario): Promise<ComponentType> {
  const load = compositions[`../../../scenes/${folder}/station.tsx`];
  const Unique = load ? (await load()).default : null;
  const { layout } = loadLayoutFile(root, join(root, 'scenes', folder, 'scenario.json'), sc);
  if (!layout) {
    if (!Unique) throw new Error(`scenes/${folder} has neither layout.json nor station.tsx`);
    return Unique;
  }
  const kit = await kitFor(layout);
  return function Station() {
    return (
      <LayoutStation layout={layout} kit={kit} name={`station:${folder}`}>
        {Unique ? <Unique /> : null}
      </LayoutStation>
    );
  };
}

export interface PartsCheck {
  /** Every event in order, with the part that can make it (null: none could). */
  steps: { event: PathEvent; part: string | null }[];
  /** Why the first event no placed part could make was refused, if any. */
  refused: string | null;
}

/**
 * Plays a path through the station's real composition in Node (@react-three/test-renderer, no
 * WebGL): before each event, the parts the world has placed at that moment must include one that
 * makes it — as its operation descriptor says — and then the event goes to the session as that part
 * would send it, so parts that come and go with the steps do so. A danger area's enter and exit need
 * the area placed. This is the Node half of "every event must be producible by a placed part".
 * `watch` sees the drawn scene at the start and after each event (what stands where at that moment).
 */
export async function checkPathAgainstParts(folder: string, events: readonly PathEvent[], scenario?: Scenario, watch?: (scene: Object3D, moment: string) => void): Promise<PartsCheck> {
  const sc = scenario ?? loadScene(root, join(root, 'scenes', folder, 'scenario.json')).scenario!;
  const Station = await composition(folder, sc);
  // Parts that wait for the first station frame (cards, scales with text) come at once here.
  firstStationFrame.mark();
  let now = 0;
  const store = createSessionStore({ now: () => now, uuid: () => 'node-parts-check' });
  store.getState().start(sc, 'parts-check', 'practice', 'nl');
  const renderer = await ReactThreeTestRenderer.create(
    <SessionProvider store={store}>
      <Station />
    </SessionProvider>,
  );
  // Lazy parts (cards, scales) come a few frames and a module load later: a few rounds of frames.
  const settle = async () => {
    await renderer.advanceFrames(3, 0.016);
    await ReactThreeTestRenderer.act(() => new Promise<void>((r) => setTimeout(r, 20)));
  };
  const steps: PartsCheck['steps'] = [];
  let refused: string | null = null;
  const scene = renderer.scene.instance as Object3D;
  try {
    await settle();
    watch?.(scene, 'at the start');
    for (const [i, event] of events.entries()) {
      let parts = placedParts();
      let producer = producerOf(event, parts);
      for (let round = 0; !producer && round < 60; round++) {
        await settle();
        parts = placedParts();
        producer = producerOf(event, parts);
      }
      if (producer && event.action === 'place' && !zoneFor(event, parts)) producer = null;
      steps.push({ event, part: producer?.id ?? null });
      if (!producer) {
        refused = unproducible(event, parts);
        break;
      }
      now = event.t;
      await ReactThreeTestRenderer.act(async () => {
        store.getState().act(event.action, event.object, 'desktop', event.value);
      });
      await renderer.advanceFrames(2, 0.016);
      if (watch) {
        // What the event brings (a door that opens, a part that comes) may wait for a module load.
        await settle();
        watch(scene, `after event ${i} (${event.action} ${event.object})`);
      }
    }
  } finally {
    await renderer.unmount();
  }
  return { steps, refused };
}
