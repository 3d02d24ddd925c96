import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalJson, scenarioHash } from '../../src/engine';
import { scenarioJsonSchemaText } from '../../src/engine/json-schema';
import { lab, labInput, parsed } from './helpers';

describe('scenario hash', () => {
  test('is the sha-256 hex of the canonical JSON', () => {
    expect(scenarioHash(lab())).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }], $comment: 'skip', u: undefined })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
    // sha-256("{}") — a known vector, so the hash is the standard one a server in any language can recompute.
    expect(scenarioHash({} as never)).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  test('ignores key order, comments and the $schema pointer', () => {
    const input = labInput();
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    expect(scenarioHash(parsed(reordered))).toBe(scenarioHash(lab()));
    expect(scenarioHash(parsed({ ...input, $schema: '../x.json', $comment: 'note' }))).toBe(scenarioHash(lab()));
  });

  test('changes with anything that scores: a tolerance, a version, a step order', () => {
    const base = scenarioHash(lab());
    const input = labInput();
    expect(scenarioHash(parsed({ ...input, version: 2 }))).not.toBe(base);
    expect(scenarioHash(parsed({ ...input, steps: input.steps.map((s) => (s.id === 'dial' ? { ...s, value: { target: 50, tolerance: 3 } } : s)) }))).not.toBe(base);
    expect(scenarioHash(parsed({ ...input, steps: [...input.steps].reverse() }))).not.toBe(base);
  });

  test('defaults are part of the content: writing a default out does not change the hash', () => {
    const input = labInput();
    expect(scenarioHash(parsed({ ...input, steps: input.steps.map((s) => ({ ...s, points: 10 })) }))).toBe(scenarioHash(lab()));
  });
});

describe('generated JSON Schema', () => {
  test('scenes/scenario.schema.json is up to date (run `npm run schema`)', () => {
    expect(readFileSync('scenes/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchemaText());
  });

  test('describes the format an author writes: required keys, enums, the recursive condition', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as { definitions: Record<string, { required?: string[]; properties: Record<string, unknown> }> };
    const root = schema.definitions.Scenario!;
    expect(root.required).toEqual(['id', 'version', 'sector', 'station', 'title', 'summary', 'passScore', 'objects', 'steps']);
    expect(Object.keys(root.properties)).toContain('$comment');
    expect(JSON.stringify(root.properties.steps)).toContain('"#/definitions/Condition"');
    expect(schema.definitions.Condition).toBeDefined();
  });
});

describe('session event schema (for uploads)', () => {
  test('accepts what the app sends and rejects what it never does', async () => {
    const { sessionEventSchema } = await import('../../src/engine');
    expect(sessionEventSchema.safeParse({ t: 1500, action: 'set', object: 'dial', value: 3.2, device: 'vr-hand' }).success).toBe(true);
    expect(sessionEventSchema.safeParse({ t: -1, action: 'press', object: 'x', device: 'desktop' }).success).toBe(false);
    expect(sessionEventSchema.safeParse({ t: 1, action: 'press', object: 'x', device: 'phone' }).success).toBe(false);
    expect(sessionEventSchema.safeParse({ t: 1, action: 'press', object: 'x', device: 'desktop', extra: 1 }).success).toBe(false);
  });
});
