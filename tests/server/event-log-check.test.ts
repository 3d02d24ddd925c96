import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sessionEventSchema } from '../../src/engine';
import { eventLogJson, plainEventLog } from '../../src/server/event-log-check';
import { parseSessionBody, sessionBodySchema } from '../../src/server/session-body';
import { mutatedBody, sessionRequest } from './support/payloads';
import { idealEvents } from './test-app';

const logSchema = sessionEventSchema.array().max(50_000);

/** Events near the schema's edges: lengths around the bounds, odd numbers, extra and missing fields. */
const edgyEvent = fc.dictionary(
  fc.constantFrom('t', 'action', 'object', 'value', 'device', 'extra', '__proto__', 'constructor'),
  fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, -1, 1e308, Infinity, NaN, null, true, [], {}),
    fc.constantFrom('desktop', 'touch', 'vr-controller', 'vr-hand', 'vr', ''),
    fc.string({ minLength: 60, maxLength: 70 }),
    fc.string({ minLength: 124, maxLength: 132 }),
    fc.string({ minLength: 252, maxLength: 260 }),
    fc.string({ maxLength: 3 }),
  ),
);
const validEvent = fc.record(
  {
    t: fc.double({ min: 0, max: 1e9, noNaN: true }),
    action: fc.string({ minLength: 1, maxLength: 64 }),
    object: fc.string({ maxLength: 128 }),
    value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 256 })),
    device: fc.constantFrom('desktop', 'touch', 'vr-controller', 'vr-hand'),
  },
  { requiredKeys: ['t', 'action', 'object', 'device'] },
);
const log = fc.oneof(fc.array(validEvent, { maxLength: 8 }), fc.array(fc.oneof(validEvent, edgyEvent, fc.jsonValue({ maxDepth: 1 })), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }));

describe('the hand-written event log check', () => {
  test('accepts nothing the schema refuses, and gives what the schema gives', () => {
    fc.assert(
      fc.property(log, (input) => {
        const fast = plainEventLog(input, 50_000);
        const zod = logSchema.safeParse(input);
        if (fast !== null) {
          expect(zod.success).toBe(true);
          expect(fast).toStrictEqual(zod.data);
        }
        if (zod.success) expect(eventLogJson(zod.data)).toBe(JSON.stringify(zod.data));
      }),
      { numRuns: 5_000 },
    );
  });

  test('accepts every valid log itself (else it would save nothing), in the schema key order', () => {
    fc.assert(
      fc.property(fc.array(validEvent, { maxLength: 20 }), (events) => {
        const fast = plainEventLog(JSON.parse(JSON.stringify(events)), 50_000);
        expect(fast).not.toBeNull();
        expect(JSON.stringify(fast)).toBe(JSON.stringify(logSchema.parse(events)));
      }),
      { numRuns: 1_000 },
    );
    const reordered = idealEvents.map((e) => Object.fromEntries(Object.entries(e).reverse()));
    expect(eventLogJson(plainEventLog(reordered, 50_000)!)).toBe(JSON.stringify(idealEvents.map((e) => sessionEventSchema.parse(e))));
  });

  test('refuses more events than allowed and leaves the message to the schema', () => {
    expect(plainEventLog(idealEvents, idealEvents.length - 1)).toBeNull();
    expect(plainEventLog([{ ...idealEvents[0], extra: 1 }], 10)).toBeNull();
  });
});

describe('parseSessionBody', () => {
  test('answers exactly as the full schema does, messages included, for generated and mutated uploads', () => {
    fc.assert(
      fc.property(sessionRequest, (req) => {
        const body = JSON.parse(JSON.stringify(mutatedBody(req, []))) as unknown;
        const fast = parseSessionBody(body);
        const full = sessionBodySchema.safeParse(body);
        expect(fast.success).toBe(full.success);
        if (fast.success) expect(JSON.stringify(fast.data)).toBe(JSON.stringify(full.data));
        else expect(fast.error.issues).toStrictEqual(full.error!.issues);
      }),
      { numRuns: 3_000 },
    );
  });
});
