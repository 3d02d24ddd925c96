import type { PartDescriptor } from '../../../src/world/placed-parts';

/** One event of an ideal path or a rule path (`scenes/<sector>/<station>/ideal-path.json`, `rule-paths/<rule>.json`). */
export interface PathEvent {
  t: number;
  action: string;
  object: string;
  value?: number | string;
}

/** A placed part as the driver probe lists it (src/play/driver-probe.tsx). */
export type Part = PartDescriptor & { id: string };

/** The trainee move that makes one or more events of a path, on one part. */
export type Move =
  | { kind: 'press'; part: Part; events: PathEvent[] }
  /** A press that brings the part before the eyes; the driver presses again to put it back. */
  | { kind: 'inspect'; part: Part; events: PathEvent[] }
  /** `ms` null: the path ends (a rule breaks) while it is still held. */
  | { kind: 'hold'; part: Part; ms: number | null; events: PathEvent[] }
  | { kind: 'set'; part: Part; value: number; events: PathEvent[] }
  | { kind: 'carry'; part: Part; zone: Part; events: PathEvent[] }
  /** A hand (or the desktop pointer) comes into a danger area (`enter`) or leaves it (`exit`). */
  | { kind: 'reach'; part: Part; events: PathEvent[] };

const same = (a: number | string | undefined, b: number | string | undefined) => a === undefined || b === undefined || String(a) === String(b);

/**
 * The part that makes `event` by itself, if any: a press with that action (and value), a grabbable
 * tapped or worn, an inspectable, a scale, a hold's start, a danger area's enter or exit.
 * `place` is made by a grabbable of the object together with a drop zone that accepts it.
 */
export function producerOf(event: PathEvent, parts: readonly Part[]): Part | null {
  const ofObject = parts.filter((p) => p.object === event.object && p.operation.kind !== 'drop-zone');
  for (const p of ofObject) {
    const op = p.operation;
    switch (op.kind) {
      case 'press':
        if (op.action === event.action && same(op.value, event.value)) return p;
        break;
      case 'hold':
        if (event.action === 'hold-start' || event.action === 'hold-end') return p;
        break;
      case 'grab':
        if (event.action === 'place' && zoneFor(event, parts)) return p;
        if (event.action === op.tap || event.action === op.grab || (op.wear && event.action === 'wear')) return p;
        if (op.grab && event.action === 'release') return p;
        break;
      case 'set':
        if (event.action === 'set' && typeof event.value === 'number' && event.value >= op.min && event.value <= op.max) return p;
        break;
      case 'inspect':
        if (event.action === 'inspect') return p;
        break;
      case 'arrive':
      case 'reach-zone':
        if (event.action === 'enter' || event.action === 'exit') return p;
        break;
    }
  }
  return null;
}

/** The drop zone a `place` puts its object into. */
export function zoneFor(event: PathEvent, parts: readonly Part[]): Part | null {
  return parts.find((p) => p.operation.kind === 'drop-zone' && p.operation.zone === String(event.value) && p.operation.accepts.includes(event.object)) ?? null;
}

/** Why no placed part can make this event: the message a driver or a test refuses it with. */
export function unproducible(event: PathEvent, parts: readonly Part[]): string {
  const placed = parts.filter((p) => p.object === event.object).map((p) => `${p.id} (${p.operation.kind}${p.operation.kind === 'press' ? ` ${p.operation.action}` : ''})`);
  return `no placed part can make ${event.action} ${event.object}${event.value === undefined ? '' : ` = ${event.value}`} at ${event.t} ms; parts of ${event.object}: ${placed.join(', ') || 'none'}`;
}

const isZoneEvent = (e: PathEvent, parts: readonly Part[]) => (e.action === 'enter' || e.action === 'exit') && producerOf(e, parts)?.operation.kind === 'reach-zone';

/**
 * The next move from `events[i]` on, with the parts placed now (parts come and go with the steps):
 * a hold spans its start and end, a grab followed by a place is one carry, a danger area's enter and
 * exit around one move are that move's own (a hand reaching in to take a stuck part). Throws when no
 * placed part can make the event.
 */
export function nextMove(events: readonly PathEvent[], i: number, parts: readonly Part[]): { move: Move; next: number } {
  const e = events[i]!;
  const producer = producerOf(e, parts);
  if (!producer) throw new Error(unproducible(e, parts));
  const op = producer.operation;
  if (op.kind === 'hold') {
    if (e.action !== 'hold-start') throw new Error(`${e.action} ${e.object} at ${e.t} ms: a hold begins with hold-start`);
    const end = events.findIndex((x, j) => j > i && x.action === 'hold-end' && x.object === e.object);
    // Still held when the path ends: the foot on the pedal while the hand goes under the needle.
    if (end < 0) return { move: { kind: 'hold', part: producer, ms: null, events: [e] }, next: i + 1 };
    const between = events.slice(i + 1, end).filter((x) => !isZoneEvent(x, parts));
    if (between.length > 0) throw new Error(`${e.object} is held from ${e.t} ms: ${between[0]!.action} ${between[0]!.object} cannot be made with the same hand meanwhile`);
    return { move: { kind: 'hold', part: producer, ms: events[end]!.t - e.t, events: events.slice(i, end + 1) }, next: end + 1 };
  }
  if (op.kind === 'grab') {
    // grab (sent once it moves), then — past the danger area's exit it makes on the way — place.
    let j = i;
    if (e.action === op.grab) {
      j = i + 1;
      while (j < events.length && isZoneEvent(events[j]!, parts)) j++;
    }
    const place = events[j];
    if (place && place.action === 'place' && place.object === e.object) {
      const zone = zoneFor(place, parts);
      if (!zone) throw new Error(unproducible(place, parts));
      return { move: { kind: 'carry', part: producer, zone, events: events.slice(i, j + 1) }, next: j + 1 };
    }
    return { move: { kind: 'press', part: producer, events: [e] }, next: i + 1 };
  }
  if (op.kind === 'set') return { move: { kind: 'set', part: producer, value: Number(e.value), events: [e] }, next: i + 1 };
  if (op.kind === 'inspect') return { move: { kind: 'inspect', part: producer, events: [e] }, next: i + 1 };
  if (op.kind === 'reach-zone' || op.kind === 'arrive') return { move: { kind: 'reach', part: producer, events: [e] }, next: i + 1 };
  return { move: { kind: 'press', part: producer, events: [e] }, next: i + 1 };
}
