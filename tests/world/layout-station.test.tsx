import ReactThreeTestRenderer from '@react-three/test-renderer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import type { ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test, vi } from 'vitest';
import { parseScenario, type KitPartName, type Layout, type LayoutPart, type Scenario, type SessionEvent } from '../../src/engine';
import { SessionProvider } from '../../src/state/session-context';
import { createSessionStore } from '../../src/state/session-store';
import { kitCatalog } from '../../src/world/kit/catalog';
import type { KitPart, PartOperation } from '../../src/world/kit/kit-part';
import { firstStationFrame } from '../../src/world/first-station-frame';
import { LayoutStation } from '../../src/world/layout-station';
import { objectRegistry } from '../../src/world/object-registry';
import { loadLayoutFile } from '../../scripts/layout-file';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Text (troika) needs a browser's workers; what these tests check is the parts, not their words.
vi.mock('../../src/world/world-text', () => ({ default: () => null }));
vi.mock('../../src/world/card-label', () => ({ default: () => null }));
vi.mock('../../src/world/value-reading', () => ({ default: () => null }));

const root = process.cwd();

function station(folder: string): { scenario: Scenario; layout: Layout; path: SessionEvent[] } {
  const file = join(root, 'scenes', folder, 'scenario.json');
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!parsed.ok) throw new Error(`${folder}: scenario does not parse`);
  const loaded = loadLayoutFile(root, file, parsed.scenario);
  if (!loaded.layout) throw new Error(`${folder}: ${JSON.stringify(loaded.issues)}`);
  const path = (JSON.parse(readFileSync(join(root, 'scenes', folder, 'ideal-path.json'), 'utf8')) as { events: SessionEvent[] }).events;
  return { scenario: parsed.scenario, layout: loaded.layout, path };
}

type TestedPart = KitPart & { operations?: (part: LayoutPart) => PartOperation[] };

/** Each part the layout uses, with how it is operated (`<export>Operations`, beside the part). */
async function kitFor(layout: Layout): Promise<Partial<Record<KitPartName, TestedPart>>> {
  const kit: Partial<Record<KitPartName, TestedPart>> = {};
  for (const name of new Set(layout.parts.map((p) => p.part))) {
    const [file, exportName] = kitCatalog[name];
    const module = (await import(`../../src/world/kit/${file}.tsx`).catch(() => import(`../../src/world/kit/${file}.ts`))) as Record<string, unknown>;
    kit[name] = { ...(module[exportName] as KitPart), operations: module[`${exportName}Operations`] as TestedPart['operations'] };
  }
  return kit;
}

/** What kind of operation makes an event with this action. */
const makes: Record<string, PartOperation['kind'][]> = {
  press: ['press'],
  open: ['press'],
  close: ['press'],
  lock: ['press'],
  unlock: ['press'],
  remove: ['press'],
  inspect: ['inspect', 'press'],
  wear: ['wear'],
  grab: ['grab'],
  place: ['grab'],
  set: ['set'],
  classify: ['classify'],
  answer: ['classify'],
  'hold-start': ['hold'],
  'hold-end': ['hold'],
  enter: ['enter'],
  exit: ['enter'],
};

/** What station.tsx adds beside the layout (the build makes it the layout station's child), if the station has one. */
const compositions = import.meta.glob<{ default: ComponentType }>(['../../scenes/*/*/station.tsx', '../../scenes/_*/station.tsx']);
async function uniqueOf(folder: string): Promise<ComponentType | null> {
  const load = compositions[`../../scenes/${folder}/station.tsx`];
  return load ? (await load()).default : null;
}

// The data-only sample station (scenes/_template) and every station ported to the kit.
describe.each(['_template', '_tutorial', 'wood/intro-workbench', 'food/hygiene-sluice-line-be', 'food/hygiene-sluice-line-nl', 'textile/lockstitch-sewing', 'plastics/injection-moulding', 'wood/panel-saw', 'textile/fabric-inspection', 'wood/edge-banding', 'food/packaging-line', 'wood/cnc-nesting', 'plastics/extrusion-line', 'plastics/material-station', 'core/lockout-tagout', 'core/safety-signs-ppe', 'core/measuring-counting', 'core/first-day', 'textile/weaving-loom', 'food/line-cleaning'])('%s drawn from layout.json', (folder) => {
  test('every event of its ideal path is made by a part the layout places, as that part declares (or by station.tsx, for the objects it lists)', async () => {
    const { layout, path } = station(folder);
    const kit = await kitFor(layout);
    const operations = layout.parts.flatMap((p) => kit[p.part]!.operations?.(p) ?? []);
    for (const event of path.filter((e) => !layout.station.includes(e.object))) {
      // A pressed part may send an action of its own (the blue plaster: pressed, it is worn): its layout entry says which.
      const sends = (object: string) => layout.parts.find((p) => 'object' in p && p.object === object && 'action' in p && typeof p.action === 'string') as { action?: string } | undefined;
      const fits = operations.filter((o) => o.object === event.object && (makes[event.action]!.includes(o.kind) || (o.kind === 'press' && sends(o.object)?.action === event.action)));
      expect(fits, `${event.action} ${event.object}`).not.toHaveLength(0);
      for (const o of fits) expect(o.range).toBeGreaterThan(0);
    }
  });

  test('rendered: one batched body, one live batch, and the ideal path played on the parts that are there at each event', async () => {
    const { scenario, layout } = station(folder);
    let now = 0;
    const store = createSessionStore({ now: () => now, uuid: () => '00000000-0000-4000-8000-000000000000' });
    store.getState().start(scenario, 'hash', 'practice', 'nl');
    const kit = await kitFor(layout);
    const Unique = await uniqueOf(folder);
    firstStationFrame.mark();
    // A station's texts come after its first frame, in the trainee's language.
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'nl', resources: {} });
    const r = await ReactThreeTestRenderer.create(
      <I18nextProvider i18n={i18n}>
        <SessionProvider store={store}>
          <LayoutStation layout={layout} kit={kit} name={`station:${folder}`}>
            {Unique ? <Unique /> : null}
          </LayoutStation>
        </SessionProvider>
      </I18nextProvider>,
    );
    const bodies = r.scene.findAll((c) => c.props.name === 'station-body');
    expect(bodies).toHaveLength(1);
    expect(r.scene.findAll((c) => (c.instance as { name?: string }).name === 'live-batch')).toHaveLength(1);
    // The ideal path, played through the store: right before each event, the part that makes it is
    // in the scene (parts that come with the work — the step's cards, the cut bundle — included).
    const zones = new Set(scenario.objects.filter((o) => o.kind === 'zone').map((o) => o.id));
    const { path } = station(folder);
    for (const event of path) {
      // Cards register one part per card, as `<object>:<card id>`; zones (and where a thing is put) are not parts.
      const id = event.action === 'classify' || event.action === 'answer' ? `${event.object}:${String(event.value)}` : event.object;
      const registered = () => zones.has(id) || objectRegistry.ids().includes(id) || (id === event.object && objectRegistry.ids().some((x) => x.startsWith(`${id}:`)));
      // Parts that load after the first frame (station.tsx, text, later controls) come a moment later.
      for (let i = 0; i < 40 && !registered(); i++) {
        await r.advanceFrames(1, 1 / 60);
        await ReactThreeTestRenderer.act(() => new Promise((done) => setTimeout(done, 25)));
      }
      expect(registered(), `${event.action} ${id} at ${event.t} ms`).toBe(true);
      now = event.t;
      await ReactThreeTestRenderer.act(() => store.getState().act(event.action, event.object, 'desktop', event.value));
    }
    expect(store.getState().engine!.completed.map((c) => c.id).sort()).toEqual(scenario.steps.map((st) => st.id).sort());
    await r.unmount();
  });
});
