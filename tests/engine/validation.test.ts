import { describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, type ScenarioIssue } from '../../src/engine';
import { loadScene } from '../../scripts/check-scenes';

const dir = 'tests/engine/fixtures/broken';
const sampleLocale = JSON.parse(readFileSync('locales/nl/wood-intro-workbench.json', 'utf8')) as Record<string, unknown>;

/** Parses a broken fixture with the source locale beside it (or the sample's), as check:scenes does. */
function issuesOf(name: string): ScenarioIssue[] {
  const file = `${dir}/${name}.json`;
  const own = `${dir}/${name}.nl.json`;
  const sourceLocale = existsSync(own) ? (JSON.parse(readFileSync(own, 'utf8')) as Record<string, unknown>) : sampleLocale;
  const r = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file, { sourceLocale });
  return r.ok ? [] : r.issues;
}

/** One fixture per error kind: [fixture, expected JSON path, expected message]. */
const cases: [string, string, string][] = [
  ['missing-key', '$.steps[0].competency', 'missing required key "competency" (expected one of "safety", "quality", "numeracy", "language", "problem-solving", "procedure")'],
  ['unknown-key', '$.steps[1].actoin', 'unknown key "actoin"'],
  ['wrong-type', '$.passScore', 'Invalid input: expected number, received string'],
  ['unknown-action', '$.steps[1].action', 'Invalid option: expected one of "wear"|"remove"|"press"|"grab"|"release"|"place"|"set"|"inspect"|"classify"|"answer"|"open"|"close"|"lock"|"unlock"|"hold"|"stay"'],
  ['bad-condition', '$.rules[0].when.not', 'not a valid condition (found "waering"): use exactly one of done, wearing, inside, machine+in, not, all, any'],
  ['unknown-object', '$.steps[2].object', 'unknown object "stop-knop"'],
  ['unknown-step', '$.steps[1].after[0]', 'unknown step "wear-glass"'],
  ['duplicate-id', '$.objects[3].id', 'duplicate object id "start-button"'],
  ['prerequisite-cycle', '$.steps[1].after[0]', 'prerequisite cycle: wear-glasses → start-drill → stop-drill → wear-glasses'],
  ['unreachable-machine-state', '$.steps[2].requires', 'unreachable step "stop-drill": machine "drill" never reaches "locked" from "stopped"'],
  ['unknown-machine-state', '$.machines[0].transitions[0].to', 'unknown state "runing" of machine "drill" (states: stopped, running)'],
  ['unknown-machine', '$.rules[0].when.machine', 'unknown machine "dril"'],
  ['missing-translation', '$.steps[2].hint', 'translation key "steps.stop-drill.hint" is missing from locales/nl/wood-intro-workbench.json'],
  ['set-without-value', '$.steps[1].value', 'a "set" step needs "value": { target, tolerance }'],
  ['wait-not-prerequisite', '$.steps[1].wait.since', '"stop-drill" must be a prerequisite (directly or indirectly) of "start-drill", or the wait may never start'],
  ['transition-without-trigger', '$.machines[0].transitions[1]', 'a transition needs exactly one of "on" (an event) or "after" (ms)'],
];

describe('broken scenarios give the file, the JSON path and what is wrong', () => {
  test.each(cases)('%s', (name, path, message) => {
    expect(issuesOf(name)).toEqual([{ file: `${dir}/${name}.json`, path, message }]);
  });

  test('unreachable-after-cycle: the cycle and the step stuck behind it are both named', () => {
    expect(issuesOf('unreachable-after-cycle')).toEqual([
      { file: `${dir}/unreachable-after-cycle.json`, path: '$.steps[2].after[0]', message: 'prerequisite cycle: start-drill → stop-drill → start-drill' },
      { file: `${dir}/unreachable-after-cycle.json`, path: '$.steps[3]', message: 'unreachable step "clean-up": it depends on "stop-drill", which is in a prerequisite cycle' },
    ]);
  });

  test('critical-without-safe-state: a critical rule of a practice scenario must name where practice goes on from', () => {
    expect(issuesOf('critical-without-safe-state')).toEqual([
      {
        file: `${dir}/critical-without-safe-state.json`,
        path: '$.rules[0]',
        message: 'critical rule "start-without-glasses" needs "safeState": { resumeAt, machines } — where a practice attempt goes on from after it fired',
      },
    ]);
    // An exam-only scenario never continues: there the field may be left out.
    const examOnly = { ...JSON.parse(readFileSync(`${dir}/critical-without-safe-state.json`, 'utf8')), modes: ['exam'] };
    expect(parseScenario(examOnly, 'exam-only.json').ok).toBe(true);
  });

  test('safe-state-unknown: the step and the machine state it names must exist', () => {
    expect(issuesOf('safe-state-unknown')).toEqual([
      { file: `${dir}/safe-state-unknown.json`, path: '$.rules[0].safeState.resumeAt', message: 'unknown step "wear-glases"' },
      { file: `${dir}/safe-state-unknown.json`, path: '$.rules[0].safeState.machines.drill', message: 'unknown state "halted" of machine "drill" (states: stopped, running)' },
    ]);
  });

  test('a safe state on a rule that is not critical is an error', () => {
    const data = JSON.parse(readFileSync('scenes/wood/intro-workbench/scenario.json', 'utf8')) as { rules: { severity: string }[] };
    data.rules[0]!.severity = 'major';
    const r = parseScenario(data, 'major.json');
    expect(r.ok ? [] : r.issues).toEqual([{ file: 'major.json', path: '$.rules[0].safeState', message: '"safeState" only applies to critical rules, not "major"' }]);
  });

  test('every fixture in the folder is covered by a case', () => {
    const names = new Set([...cases.map((c) => c[0]), 'unreachable-after-cycle', 'critical-without-safe-state', 'safe-state-unknown']);
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.nl.json')) continue;
      expect(names.has(f.replace(/\.json$/, ''))).toBe(true);
    }
  });

  test('the sample locale is only checked when given: without it the sample parses', () => {
    const file = 'scenes/wood/intro-workbench/scenario.json';
    expect(parseScenario(JSON.parse(readFileSync(file, 'utf8')), file).ok).toBe(true);
  });

  test('scenario files that are not JSON, or sit in the wrong folder, are reported by check:scenes', () => {
    const root = mkdtempSync(join(tmpdir(), 'werkvloer-scenes-'));
    mkdirSync(join(root, 'scenes/food/bad'), { recursive: true });
    writeFileSync(join(root, 'scenes/food/bad/scenario.json'), '{ "id": ');
    expect(loadScene(root, join(root, 'scenes/food/bad/scenario.json')).issues).toEqual([
      { file: 'scenes/food/bad/scenario.json', path: '$', message: expect.stringMatching(/^not valid JSON: /) },
    ]);
    mkdirSync(join(root, 'scenes/food/misplaced'), { recursive: true });
    mkdirSync(join(root, 'locales/nl'), { recursive: true });
    writeFileSync(join(root, 'scenes/food/misplaced/scenario.json'), readFileSync('scenes/wood/intro-workbench/scenario.json'));
    // Its layout comes along: the folder is the only thing wrong here.
    writeFileSync(join(root, 'scenes/food/misplaced/layout.json'), readFileSync('scenes/wood/intro-workbench/layout.json'));
    writeFileSync(join(root, 'locales/nl/wood-intro-workbench.json'), JSON.stringify(sampleLocale));
    expect(loadScene(root, join(root, 'scenes/food/misplaced/scenario.json')).issues).toEqual([
      { file: 'scenes/food/misplaced/scenario.json', path: '$.sector', message: '"wood" does not match the folder scenes/food/' },
      { file: 'scenes/food/misplaced/scenario.json', path: '$.station', message: '"intro-workbench" does not match the folder scenes/food/misplaced/' },
    ]);
  });
});
