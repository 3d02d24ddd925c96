import { describe, expect, test } from 'vitest';
import { parseScenario, score } from '../../src/engine';
import { ev, labIdeal, labInput, parsed } from './helpers';

/** The lab with a rule that names the event's value: putting the rag into the piece bin is wrong. */
function labWithValueRule() {
  const input = labInput();
  input.objects.push({ id: 'piece-bin', term: 'nl-piece-bin', name: 'objects.piece-bin', kind: 'zone' });
  input.rules!.push({ id: 'rag-in-bin', on: { action: 'place', object: 'rag', value: 'piece-bin' }, severity: 'major', competency: 'quality', message: 'rules.rag-in-bin' });
  return input;
}

describe('a rule that names the event value (e.g. which zone something was placed in)', () => {
  const sc = parsed(labWithValueRule(), 'lab.json');

  // Before the last step: once every step is done the attempt is over and ignores later events.
  const withPlace = (value?: string) => [...labIdeal.slice(0, -1), ev(14500, 'place', 'rag', value), labIdeal.at(-1)!];

  test('fires only for that value', () => {
    const wrong = score(sc, withPlace('piece-bin'), 'practice');
    expect(wrong.violations).toEqual([expect.objectContaining({ rule: 'rag-in-bin', severity: 'major', t: 14500 })]);
    expect(wrong.total).toBe(85);
    const right = score(sc, withPlace('hook'), 'practice');
    expect(right.violations).toEqual([]);
    // The same place elsewhere is no rule's business (the lab has no step for it: a plain mistake).
    expect(right.penalties).toBe(0);
    // Without a value the event is not that mistake either.
    expect(score(sc, withPlace(), 'practice').violations).toEqual([]);
  });

  test('a number value matches a number, not the same digits as text', () => {
    const input = labInput();
    input.rules!.push({ id: 'dial-at-90', on: { action: 'set', object: 'dial', value: 90 }, severity: 'minor', message: 'rules.dial-at-90' });
    const s = parsed(input, 'lab.json');
    expect(score(s, [labIdeal[0]!, ev(1500, 'set', 'dial', 90), ...labIdeal.slice(1)], 'practice').violations.map((v) => v.rule)).toEqual(['dial-at-90']);
    expect(score(s, [labIdeal[0]!, ev(1500, 'set', 'dial', '90'), ...labIdeal.slice(1)], 'practice').violations).toEqual([]);
  });

  test('an empty value is refused with its path', () => {
    const input = labWithValueRule();
    (input.rules!.at(-1)!.on as { value: string }).value = '';
    const r = parseScenario(input, 'lab.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(`$.rules[${input.rules!.length - 1}].on.value`);
  });
});
