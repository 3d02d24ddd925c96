import ReactThreeTestRenderer from '@react-three/test-renderer';
import { afterEach, describe, expect, test } from 'vitest';
import { createSessionStore } from '../../src/state/session-store';
import { SessionProvider } from '../../src/state/session-context';
import { objectRegistry } from '../../src/world/object-registry';
import { placedParts } from '../../src/world/placed-parts';
import { Interactable } from '../../src/world/interactable';
import { HoldControl } from '../../src/world/hold-control';
import { Grabbable } from '../../src/world/grabbable';
import { ValueControl } from '../../src/world/value-control';
import { Inspectable } from '../../src/world/inspectable';
import { DropZone } from '../../src/world/drop-zone';
import { ClassifyCards } from '../../src/world/classify-cards';
import { HazardZone } from '../../src/world/hazard-zone';
import { ArrivalSpot } from '../../src/world/arrival-spot';

// React's act() is what the test renderer uses to flush updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const store = createSessionStore({ now: () => 0, uuid: () => 'u' });
const accepts = ['part'];
let renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>> | undefined;
afterEach(async () => {
  await renderer?.unmount();
  renderer = undefined;
});

describe('placed parts: each kit part placed says how it is operated', () => {
  test('every kit component gives its operation under the id the object registry knows it by, its node the registered one', async () => {
    renderer = await ReactThreeTestRenderer.create(
      <SessionProvider store={store}>
        <Interactable object="start-button" action="press">
          <mesh />
        </Interactable>
        <HoldControl object="sink" progressMs={20_000}>
          <mesh />
        </HoldControl>
        <Grabbable object="part" position={[0, 1, 0]}>
          <mesh />
        </Grabbable>
        <Grabbable object="hairnet" position={[0, 1, 0]} wear="head">
          <mesh />
        </Grabbable>
        <ValueControl object="fence" position={[0, 1, 0]} min={0} max={150} step={0.5} initial={0} unit="mm" length={0.45} />
        <Inspectable object="hose" position={[0, 1, 0]}>
          <mesh />
        </Inspectable>
        <DropZone id="scrap-bin" accepts={accepts} position={[1, 0, 0]} size={[0.3, 0.3, 0.3]} />
        <HazardZone object="blade-zone" position={[0, 1, -0.5]} size={[0.2, 0.1, 0.2]} />
        <ArrivalSpot object="sluice" position={[0, 0, -2]} radius={0.4} />
        <ClassifyCards object="part" cards={[{ id: 'good', label: 'good' }, { id: 'flash', label: 'flash' }]} position={[0, 1, 0]} />
      </SessionProvider>,
    );
    const parts = placedParts();
    const ops = Object.fromEntries(parts.map(({ id, object, operation }) => [id, { object, operation }]));
    // The node is the one the part registers (where tests find it); zones are found by their node alone.
    for (const p of parts.filter((x) => !x.id.includes('-zone:'))) expect(objectRegistry.get(p.id), p.id).toBe(p.node);
    for (const p of parts.filter((x) => x.id.includes('-zone:'))) expect(p.node.name, p.id).toBe(p.id);
    expect(ops).toEqual({
      'start-button': { object: 'start-button', operation: { kind: 'press', action: 'press' } },
      sink: { object: 'sink', operation: { kind: 'hold', minMs: 20_000 } },
      part: { object: 'part', operation: { kind: 'grab', grab: 'grab', tap: 'grab' } },
      hairnet: { object: 'hairnet', operation: { kind: 'grab', grab: null, tap: 'wear', wear: 'head' } },
      fence: { object: 'fence', operation: { kind: 'set', min: 0, max: 150, step: 0.5, length: 0.45 } },
      hose: { object: 'hose', operation: { kind: 'inspect' } },
      'drop-zone:scrap-bin': { object: 'scrap-bin', operation: { kind: 'drop-zone', zone: 'scrap-bin', accepts: ['part'], size: [0.3, 0.3, 0.3] } },
      'hazard-zone:blade-zone': { object: 'blade-zone', operation: { kind: 'reach-zone', size: [0.2, 0.1, 0.2] } },
      sluice: { object: 'sluice', operation: { kind: 'arrive', radius: 0.4 } },
      'part:good': { object: 'part', operation: { kind: 'press', action: 'classify', value: 'good' } },
      'part:flash': { object: 'part', operation: { kind: 'press', action: 'classify', value: 'flash' } },
    });
  });

  test('an unmounted part is no longer placed', async () => {
    renderer = await ReactThreeTestRenderer.create(
      <SessionProvider store={store}>
        <Interactable object="stop-button" action="press">
          <mesh />
        </Interactable>
      </SessionProvider>,
    );
    expect(placedParts().map(({ id, object, operation }) => ({ id, object, operation }))).toEqual([{ id: 'stop-button', object: 'stop-button', operation: { kind: 'press', action: 'press' } }]);
    await renderer.unmount();
    renderer = undefined;
    expect(placedParts()).toEqual([]);
  });
});
