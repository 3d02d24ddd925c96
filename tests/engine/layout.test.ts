import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseLayout, parseScenario, type Scenario } from '../../src/engine';
import { layoutJsonSchemaText } from '../../src/engine/json-schema';

const scenarioFile = 'scenes/wood/intro-workbench/scenario.json';
const parsed = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')), scenarioFile);
if (!parsed.ok) throw new Error('the sample scenario does not parse');
const scenario: Scenario = parsed.scenario;
const file = 'scenes/wood/intro-workbench/layout.json';
const sample = () => JSON.parse(readFileSync(file, 'utf8')) as { parts: Array<Record<string, unknown>>; static: unknown[]; station?: string[] };

describe('layout.json: shape and meaning against the scenario, with file and JSON path', () => {
  test('the sample station layout is valid and fills in defaults', () => {
    const r = parseLayout(sample(), file, scenario);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.layout.parts.find((p) => p.part === 'push-button')).toMatchObject({ action: 'press' });
  });

  test('an unknown part, a misspelt key and a wrong type are named with their JSON path', () => {
    const data = sample();
    data.parts[0] = { ...data.parts[0], colour: 'green' };
    data.parts[1] = { ...data.parts[1], part: 'rocket' };
    (data.static[0] as { box: unknown }).box = [1, 'x', 1];
    const r = parseLayout(data, file, scenario);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => `${i.file} ${i.path}`);
    expect(r.issues).toContainEqual({ file, path: '$.parts[0].colour', message: 'unknown key "colour"' });
    expect(r.issues).toContainEqual({ file, path: '$.parts[1].part', message: expect.stringMatching(/^unknown kit part "rocket": one of push-button, emergency-stop, main-switch, /) });
    expect(paths.some((p) => p.startsWith(`${file} $.static[0]`))).toBe(true);
  });

  test('every object a step or rule needs is placed', () => {
    const data = sample();
    data.parts = data.parts.filter((p) => p.object !== 'stop-button');
    const r = parseLayout(data, file, scenario);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ file, path: '$.parts', message: expect.stringMatching(/object "stop-button" is needed by step "stop-drill" but no part places it/) }]);
  });

  test('an object placed by station.tsx is listed under "station" and counts as placed', () => {
    const data = sample();
    data.parts = data.parts.filter((p) => p.object !== 'stop-button');
    data.station = ['stop-button'];
    expect(parseLayout(data, file, scenario).ok).toBe(true);
  });

  test('nothing placed is unknown, and nothing is placed twice', () => {
    const data = sample();
    data.parts.push({ part: 'push-button', object: 'reset-button', position: [0, 1, -0.6] });
    data.parts.push({ part: 'emergency-stop', object: 'start-button', position: [0, 1, -0.6] });
    const r = parseLayout(data, file, scenario);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const n = data.parts.length;
    expect(r.issues).toEqual([
      { file, path: `$.parts[${n - 2}].object`, message: 'unknown object "reset-button" (not in the scenario\'s objects)' },
      { file, path: `$.parts[${n - 1}].object`, message: expect.stringMatching(/object "start-button" is placed twice \(also by parts\[0\] \(push-button\)\)/) },
    ]);
  });

  test('a part that comes with the work names real steps in `when`, each with its JSON path', () => {
    const data = sample();
    data.parts[0] = { ...data.parts[0], when: { available: ['start-drill', 'start-dril'], notDone: 'stop-drill' } };
    data.parts[1] = { ...data.parts[1], when: { done: 'no-such-step' } };
    const r = parseLayout(data, file, scenario);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { file, path: '$.parts[0].when.available[1]', message: 'unknown step "start-dril" (not in the scenario\'s steps)' },
      { file, path: '$.parts[1].when.done', message: 'unknown step "no-such-step" (not in the scenario\'s steps)' },
    ]);
    data.parts[0] = { ...data.parts[0], when: { available: ['start-drill'] } };
    data.parts[1] = { ...data.parts[1], when: { done: 'start-drill' } };
    expect(parseLayout(data, file, scenario).ok).toBe(true);
  });

  test('an overlay (extends) adds its parts to the base layout', () => {
    const data = sample();
    const base = parseLayout({ ...data, parts: data.parts.filter((p) => p.object !== 'stop-button') }, 'base/layout.json', scenario);
    // The base alone misses the stop button; the overlay adds it.
    expect(base.ok).toBe(false);
    const loose = parseLayout({ parts: data.parts.filter((p) => p.object !== 'stop-button'), static: data.static, station: ['stop-button'] }, 'base/layout.json', scenario);
    if (!loose.ok) throw new Error('base does not parse');
    const overlay = parseLayout({ extends: '../intro-workbench/layout.json', parts: [{ part: 'stack-light', position: [0.5, 1.7, -0.9] }] }, file, scenario, loose.layout);
    expect(overlay.ok).toBe(true);
    if (overlay.ok) expect(overlay.layout.parts.map((p) => p.part)).toContain('stack-light');
  });

  test('scenes/layout.schema.json is generated from the zod schema (npm run schema)', () => {
    expect(readFileSync('scenes/layout.schema.json', 'utf8')).toBe(layoutJsonSchemaText());
  });
});
