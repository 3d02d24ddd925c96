import fc from 'fast-check';
import { idealEvents, sessionBody } from '../test-app';

/**
 * Generated and mutated requests for the write routes (tests/server/bad-input.test.ts): a valid
 * session upload, then zero to three mutations of it, sent as JSON, as broken JSON, as another
 * content type or over the size limit, with or without a trainee token.
 */
const sessionKeys = ['id', 'scenarioId', 'scenarioVersion', 'scenarioHash', 'mode', 'device', 'language', 'startedAt', 'endedAt', 'events', 'clientScore'] as const;
const eventKeys = ['t', 'action', 'object', 'value', 'device', 'extra'] as const;
const json = fc.jsonValue({ maxDepth: 2 });

const plausibleEvent = fc.record(
  {
    t: fc.oneof(fc.nat(20_000), fc.double({ min: -10, max: 1e6, noNaN: true })),
    action: fc.oneof(fc.constantFrom('wear', 'press', 'grab', 'place', 'set', 'inspect', 'classify', 'answer', 'hint', 'look'), fc.string({ maxLength: 70 })),
    object: fc.oneof(fc.constantFrom('safety-glasses', 'start-button', 'stop-button', 'nothing'), fc.string({ maxLength: 140 })),
    value: fc.oneof(fc.double(), fc.string({ maxLength: 300 })),
    device: fc.oneof(fc.constantFrom('desktop', 'touch', 'vr-controller', 'vr-hand'), fc.string({ maxLength: 8 })),
  },
  { requiredKeys: ['t', 'action', 'object', 'device'] },
);

export const mutation = fc.oneof(
  fc.record({ k: fc.constant('drop' as const), key: fc.constantFrom(...sessionKeys) }),
  fc.record({ k: fc.constant('extra' as const), key: fc.string({ maxLength: 12 }), value: json }),
  fc.record({ k: fc.constant('set' as const), key: fc.constantFrom(...sessionKeys), value: json }),
  fc.record({ k: fc.constant('number' as const), key: fc.constantFrom('scenarioVersion', 'clientScore'), value: fc.oneof(fc.double(), fc.integer({ min: -5, max: 2_000_000 })) }),
  fc.record({ k: fc.constant('date' as const), key: fc.constantFrom('startedAt', 'endedAt'), value: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 30 })) }),
  fc.record({ k: fc.constant('string' as const), key: fc.constantFrom('scenarioId', 'mode', 'device', 'language', 'scenarioHash', 'id'), value: fc.string({ maxLength: 200, unit: 'binary' }) }),
  fc.record({ k: fc.constant('event-drop' as const), index: fc.nat(5), key: fc.constantFrom(...eventKeys) }),
  fc.record({ k: fc.constant('event-set' as const), index: fc.nat(5), key: fc.constantFrom(...eventKeys), value: json }),
  fc.record({ k: fc.constant('events' as const), value: fc.array(plausibleEvent, { maxLength: 25 }) }),
  fc.record({ k: fc.constant('upper-id' as const) }),
  fc.record({ k: fc.constant('reuse-id' as const), index: fc.nat() }),
  fc.record({ k: fc.constant('unknown-hash' as const), value: fc.stringMatching(/^[0-9a-f]{64}$/) }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

export const encoding = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ k: 'json' as const }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('truncated' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('replaced' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 2, unit: 'binary' }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('content-type' as const), type: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml', '') }) },
  { weight: 1, arbitrary: fc.constant({ k: 'any-json' as const }) },
);

export const sessionRequest = fc.record({
  id: fc.oneof({ weight: 9, arbitrary: fc.uuid({ version: 4 }) }, { weight: 1, arbitrary: fc.uuid() }),
  mutations: fc.array(mutation, { maxLength: 3 }),
  encoding,
  anyJson: fc.jsonValue({ maxDepth: 3 }),
  auth: fc.constantFrom('none', 'none', 'trainee', 'trainee', 'garbage', 'unknown', 'other-trainee'),
  oversize: fc.nat(300).map((n) => n === 0),
  /** One request in ten is an earlier accepted upload sent again, byte for byte (a retry after a lost answer). */
  resend: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
});
export type SessionRequest = typeof sessionRequest extends fc.Arbitrary<infer R> ? R : never;

/** A body of the sample station, the mutations applied; `stored` are ids accepted earlier (for conflicts). */
export function mutatedBody(req: SessionRequest, stored: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = { ...sessionBody({ id: req.id }), events: idealEvents.map((e) => ({ ...e })) };
  for (const m of req.mutations) {
    switch (m.k) {
      case 'drop':
        delete body[m.key];
        break;
      case 'extra':
      case 'set':
      case 'number':
      case 'date':
      case 'string':
        body[m.key] = m.value;
        break;
      case 'event-drop':
      case 'event-set': {
        const events = Array.isArray(body.events) ? (body.events as unknown[]) : [];
        const e = events[m.index % Math.max(1, events.length)];
        if (e && typeof e === 'object' && !Array.isArray(e)) {
          if (m.k === 'event-drop') delete (e as Record<string, unknown>)[m.key];
          else (e as Record<string, unknown>)[m.key] = m.value;
        }
        break;
      }
      case 'events':
        body.events = m.value;
        break;
      case 'upper-id':
        if (typeof body.id === 'string') body.id = body.id.toUpperCase();
        break;
      case 'reuse-id':
        if (stored.length > 0) body.id = stored[m.index % stored.length];
        break;
      case 'unknown-hash':
        body.scenarioHash = m.value;
        break;
    }
  }
  return body;
}

/** 20,000 events of 110 bytes: over the 2 MiB upload limit. */
export const oversizeBody = JSON.stringify(sessionBody({ events: Array.from({ length: 20_000 }, (_, i) => ({ t: i, action: 'look', object: 'x'.repeat(80), device: 'desktop' })) }));

/** The raw request: payload text and content type, as `encoding` says. */
export function encode(req: SessionRequest, body: unknown): { payload: string; contentType: string | undefined } {
  if (req.oversize) return { payload: oversizeBody, contentType: 'application/json' };
  const text = JSON.stringify(req.encoding.k === 'any-json' ? req.anyJson : body) ?? 'null';
  switch (req.encoding.k) {
    case 'truncated':
      return { payload: text.slice(0, req.encoding.at % Math.max(1, text.length)), contentType: 'application/json' };
    case 'replaced': {
      const at = req.encoding.at % Math.max(1, text.length);
      return { payload: text.slice(0, at) + req.encoding.char + text.slice(at + 1), contentType: 'application/json' };
    }
    case 'content-type':
      return { payload: text, contentType: req.encoding.type || undefined };
    default:
      return { payload: text, contentType: 'application/json' };
  }
}

/** Mutated bodies for the small trainer and headset routes: a valid one, a wrong type, extra fields. */
export function smallBody(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const variants: fc.Arbitrary<unknown>[] = [
    fc.constant(valid),
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }).map((extra) => ({ ...valid, ...extra })),
  ];
  if (keys.length > 0) {
    variants.push(
      fc.constantFrom(...keys).chain((key) => fc.jsonValue({ maxDepth: 1 }).map((v) => ({ ...valid, [key]: v }))),
      fc.string({ maxLength: 300, unit: 'binary' }).map((s) => Object.fromEntries(keys.map((k) => [k, s]))),
    );
  }
  return fc.oneof(...variants);
}
