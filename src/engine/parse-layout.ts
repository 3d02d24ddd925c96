import { layoutSchema, type Layout, type LayoutPart } from './layout-schema';
import { flattenZodIssues, jsonPath } from './issue-path';
import type { ScenarioIssue } from './parse';
import type { Scenario } from './schema';

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; issues: ScenarioIssue[] };

/** The scenario objects a part is (a sink is its tap, soap and dryer; a switch its padlock too). */
export function placedObjects(part: LayoutPart): string[] {
  switch (part.part) {
    case 'sink':
      return [part.tap, part.soap, part.dryer].filter((o): o is string => o !== undefined);
    case 'main-switch':
      return [part.object, part.padlock].filter((o): o is string => o !== undefined);
    case 'person':
    case 'clipboard':
      return part.object ? [part.object] : [];
    default:
      return 'object' in part ? [part.object] : [];
  }
}

/**
 * Two parts may be one object when they never make the same event or are never there together:
 * card sets (classify, then answer), a scale on the thing it measures (only it sends `set`), or a
 * part there until a step is done and another from then on (the push stick picked up, then held).
 * Anything else placed twice is a copy by mistake.
 */
function mayShare(part: LayoutPart, other: LayoutPart | undefined): boolean {
  if (part.part === 'cards') return true;
  if (!other) return false;
  if (other.part === 'cards') return true;
  if ((part.part === 'slider') !== (other.part === 'slider')) return true;
  const a = part.when;
  const b = other.when;
  return (a?.notDone !== undefined && a.notDone === b?.done) || (a?.done !== undefined && a.done === b?.notDone);
}

/** Drop-zone ids a layout offers (bins, boxes, scales and plain drop zones). */
function zones(part: LayoutPart): string[] {
  return 'zone' in part && part.zone ? [part.zone] : [];
}

/**
 * The objects the trainee must be able to act on: every object a step, rule, sequence or machine
 * transition names, and every zone a `place` step's ideal event would name is checked separately.
 */
function neededObjects(sc: Scenario): Map<string, string> {
  const needed = new Map<string, string>();
  const need = (object: string, by: string) => {
    if (!needed.has(object)) needed.set(object, by);
  };
  sc.steps.forEach((s) => need(s.object, `step "${s.id}"`));
  sc.rules.forEach((r) => need(r.on.object, `rule "${r.id}"`));
  sc.sequences.forEach((q) => [...q.first, ...q.then, ...q.resetBy].forEach((m) => need(m.object, `sequence "${q.id}"`)));
  sc.machines.forEach((m) => m.transitions.forEach((t) => t.on && need(t.on.object, `machine "${m.id}"`)));
  return needed;
}

/**
 * Shape (zod), then meaning against the station's scenario: every object a step or rule needs is
 * placed (by a kit part or, when listed under `station`, by station.tsx), nothing placed is unknown,
 * nothing is placed twice, and every drop zone a `place` step needs is there.
 * `base` is the layout named by `extends`, already parsed.
 */
export function parseLayout(data: unknown, file: string, scenario: Scenario, base?: Layout): LayoutResult {
  const parsed = layoutSchema.safeParse(data);
  if (!parsed.success) {
    const names = (layoutSchema.shape.parts.unwrap().element.options as ReadonlyArray<{ shape: { part: { value: string } } }>).map((o) => o.shape.part.value);
    // The union is keyed by `part`: name the wrong part and the kit's parts, not the union's branches.
    const message = (i: { path: PropertyKey[]; message: string }) => {
      if (i.path.at(-1) !== 'part') return i.message;
      const value = i.path.reduce<unknown>((node, seg) => (node as Record<PropertyKey, unknown> | undefined)?.[seg], data);
      return `unknown kit part ${JSON.stringify(value)}: one of ${names.join(', ')}`;
    };
    return { ok: false, issues: flattenZodIssues(parsed.error.issues, data).map((i) => ({ file, path: jsonPath(i.path), message: message(i) })) };
  }
  const own = parsed.data;
  const layout: Layout = base
    ? { ...own, station: [...base.station, ...own.station], parts: [...base.parts, ...own.parts], static: [...base.static, ...own.static], ...(own.panel ?? base.panel ? { panel: own.panel ?? base.panel } : {}) }
    : own;
  const offset = base ? base.parts.length : 0;
  const issues: ScenarioIssue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ file, path: jsonPath(path), message });
  const known = new Set(scenario.objects.map((o) => o.id));
  const steps = new Set(scenario.steps.map((s) => s.id));
  const placedAt = new Map<string, string>();
  const placedBy = new Map<string, LayoutPart>();
  own.station.forEach((o, i) => {
    if (!known.has(o)) add(['station', i], `unknown object "${o}" (not in the scenario's objects)`);
    placedAt.set(o, 'station.tsx');
  });
  for (const o of base?.station ?? []) placedAt.set(o, 'station.tsx');
  layout.parts.forEach((part, i) => {
    const path = i >= offset ? ['parts', i - offset] : ['extends'];
    for (const o of placedObjects(part)) {
      const key = part.part === 'sink' ? (o === part.tap ? 'tap' : o === part.soap ? 'soap' : 'dryer') : part.part === 'main-switch' && o === part.padlock ? 'padlock' : 'object';
      if (!known.has(o)) add([...path, key], `unknown object "${o}" (not in the scenario's objects)`);
      else if (placedAt.has(o) && !mayShare(part, placedBy.get(o))) add([...path, key], `object "${o}" is placed twice (also by ${placedAt.get(o)})`);
      if (part.part !== 'cards' || !placedAt.has(o)) {
        placedAt.set(o, `parts[${i}] (${part.part})`);
        placedBy.set(o, part);
      }
    }
    const when = part.when;
    const unknownStep = (at: PropertyKey[], step: string | undefined) => step === undefined || steps.has(step) || add([...path, 'when', ...at], `unknown step "${step}" (not in the scenario's steps)`);
    when?.available?.forEach((step, k) => unknownStep(['available', k], step));
    unknownStep(['done'], when?.done);
    unknownStep(['notDone'], when?.notDone);
    if ('accepts' in part && part.accepts) part.accepts.forEach((o, ai) => known.has(o) || add([...path, 'accepts', ai], `unknown object "${o}" (not in the scenario's objects)`));
  });
  // Zones are not scenario objects; they only have to be offered once.
  const zoneIds = layout.parts.flatMap(zones);
  if (new Set(zoneIds).size !== zoneIds.length) add(['parts'], `a drop zone id is used twice: ${zoneIds.filter((z, i) => zoneIds.indexOf(z) !== i).join(', ')}`);
  for (const [o, by] of neededObjects(scenario)) {
    // A zone object (hazard, arrival) needs its zone part; anything else needs some part.
    if (!placedAt.has(o)) add(['parts'], `object "${o}" is needed by ${by} but no part places it (add a kit part with "object": "${o}", or list it under "station")`);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, layout };
}
