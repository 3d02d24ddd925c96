import ReactThreeTestRenderer from '@react-three/test-renderer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseScenario, type KitPartName, type Layout, type Scenario, type SessionEvent } from '../../src/engine';
import { SessionProvider } from '../../src/state/session-context';
import { createSessionStore } from '../../src/state/session-store';
import { kitCatalog } from '../../src/world/kit/catalog';
import type { KitPart, PartOperation } from '../../src/world/kit/kit-part';
import { LayoutStation } from '../../src/world/layout-station';
import { objectRegistry } from '../../src/world/object-registry';
import { loadLayoutFile } from '../../scripts/layout-file';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

async function kitFor(layout: Layout): Promise<Partial<Record<KitPartName, KitPart>>> {
  const kit: Partial<Record<KitPartName, KitPart>> = {};
  for (const name of new Set(layout.parts.map((p) => p.part))) {
    const [file, exportName] = kitCatalog[name];
    kit[name] = (await import(`../../src/world/kit/${file}.tsx`).catch(() => import(`../../src/world/kit/${file}.ts`)))[exportName] as KitPart;
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

// The data-only sample station (scenes/_template) and every station ported to the kit.
describe.each(['_template', '_tutorial', 'wood/intro-workbench'])('%s drawn from layout.json alone', (folder) => {
  test('every event of its ideal path is made by a part the layout places, as that part declares', async () => {
    const { layout, path } = station(folder);
    const kit = await kitFor(layout);
    const operations = layout.parts.flatMap((p) => (kit[p.part] as KitPart<typeof p>).operations?.(p) ?? []);
    for (const event of path) {
      const fits = operations.filter((o) => o.object === event.object && makes[event.action]!.includes(o.kind));
      expect(fits, `${event.action} ${event.object}`).not.toHaveLength(0);
      for (const o of fits) expect(o.range).toBeGreaterThan(0);
    }
  });

  test('rendered: one batched body, and every object the scenario acts on is registered', async () => {
    const { scenario, layout } = station(folder);
    const store = createSessionStore({ now: () => 0, uuid: () => '00000000-0000-4000-8000-000000000000' });
    store.getState().start(scenario, 'hash', 'practice', 'nl');
    const kit = await kitFor(layout);
    const r = await ReactThreeTestRenderer.create(
      <SessionProvider store={store}>
        <LayoutStation layout={layout} kit={kit} name={`station:${folder}`} />
      </SessionProvider>,
    );
    const bodies = r.scene.findAll((c) => c.props.name === 'station-body');
    expect(bodies).toHaveLength(1);
    const acted = new Set([...scenario.steps.map((s) => s.object)].filter((o) => scenario.objects.find((x) => x.id === o)?.kind !== 'zone'));
    // Cards register one part per card, as `<object>:<card id>`.
    const ids = objectRegistry.ids();
    for (const o of acted) expect(ids.filter((id) => id === o || id.startsWith(`${o}:`)), o).not.toHaveLength(0);
    await r.unmount();
  });
});
