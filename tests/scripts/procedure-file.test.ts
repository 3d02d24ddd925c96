import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenes } from '../../scripts/check-scenes';
import { checkProcedure, checkProcedureFile, parseProcedureFile } from '../../scripts/procedure-file';

const scenes = loadScenes(process.cwd(), { template: true });
const template = scenes.find((s) => s.file === 'scenes/_template/scenario.json')!.scenario!;

const terms = ['tap', 'gloves', 'work-order', 'thickness-dial', 'ham', 'start-button', 'stop-button', 'carriage', 'slices', 'cloth', 'phone', 'blade-zone'];
/** A procedure for the template station that meets every target; each test breaks one thing. */
function procedure(edit: (rows: string[]) => string[] = (r) => r): string {
  const rows = [
    '| M1 | must-do | | Wash hands 20 s | S1 | 2.1 | step:wash-hands |',
    '| M2 | must-do | | Put on gloves | S1 | 2.2 | step:wear-gloves |',
    '| M3 | must-do | | Set the thickness | S2 | step 4 | step:set-thickness |',
    '| M4 | must-do | | Slice with the carriage | S2 | step 6 | step:slice, rule:hand-in-blade |',
    '| H1 | never | critical | Hand in the running blade | S2 | 1.3 | rule:hand-in-blade |',
    '| H2 | never | major | Start without gloves | S1 | 2.2 | rule:start-without-gloves |',
    '| N1 | number | | 2 mm slices | S2 | table 1 | step:set-thickness |',
    '| D1 | defect | | Torn slices: set aside | S2 | 5 | step:classify-slices |',
    ...terms.map((t, i) => `| T${i + 1} | term | | ${t} | S1 | glossary | object:${t} |`),
  ];
  return [
    '# Procedure: ham slicer',
    '',
    'Scenario: food/template',
    '',
    '## Sources',
    '| ref | source |',
    '|---|---|',
    '| S1 | Hygiene guide, 2024, ch. 2 |',
    '| S2 | Slicer manual, 2021 |',
    '',
    '## Checklist',
    '| id | category | severity | line | source | section | trains |',
    '|---|---|---|---|---|---|---|',
    ...edit(rows),
    '',
  ].join('\n');
}

function problems(text: string): string[] {
  const parsed = parseProcedureFile(text);
  return [...parsed.issues, ...checkProcedure(parsed.file, template).issues].map((i) => i.message);
}

describe('procedure file (docs/procedures/<station>.md)', () => {
  test('a complete procedure for the template passes, with its figures', () => {
    const parsed = parseProcedureFile(procedure());
    expect(parsed.issues).toEqual([]);
    expect(parsed.file.scenario).toBe('food/template');
    const checked = checkProcedure(parsed.file, template);
    expect(checked.issues).toEqual([]);
    expect(checked.figures).toEqual({ mustDo: 4, mustDoActed: 4, critical: 1, criticalDetected: 1, steps: 11, cardSteps: 2, terms: 12 });
  });

  test('a line that maps to nothing, or to an id that does not exist, fails and is named', () => {
    expect(problems(procedure((r) => r.map((x) => x.replace('| step:set-thickness |', '| |'))))).toEqual(expect.arrayContaining(['line M3: maps to nothing (no step, rule or object trains it)']));
    expect(problems(procedure((r) => r.map((x) => x.replace('step:wash-hands', 'step:wash-face'))))).toEqual(expect.arrayContaining(['line M1: step "wash-face" does not exist in template-station']));
    expect(problems(procedure((r) => r.map((x) => x.replace('step:wash-hands', 'wash-hands'))))).toEqual(expect.arrayContaining(['line M1: "wash-hands" is not step:<id>, rule:<id> or object:<id>']));
  });

  test('a critical hazard needs a critical rule; every never-hazard a rule and a severity', () => {
    expect(problems(procedure((r) => r.map((x) => x.replace('| H2 | never | major |', '| H2 | never | critical |'))))).toEqual(
      expect.arrayContaining(['line H2: a critical hazard must be detected by a rule of severity critical (found start-without-gloves: major)']),
    );
    expect(problems(procedure((r) => [...r, '| H3 | never | minor | Phone | S1 | 3 | step:wash-hands |']))).toEqual(expect.arrayContaining(['line H3: a never-hazard must be detected by a rule']));
    expect(problems(procedure((r) => [...r, '| H4 | never | | Phone | S1 | 3 | rule:phone-then-food |']))).toEqual(expect.arrayContaining(['line H4: a never-hazard needs its severity (critical, major, minor)']));
  });

  test('sources are named in the Sources table, with a section', () => {
    expect(problems(procedure((r) => r.map((x) => x.replace('| S2 | table 1 |', '| S9 | table 1 |'))))).toEqual(expect.arrayContaining(['line N1: source "S9" is not in the Sources table']));
    expect(problems(procedure((r) => r.map((x) => x.replace('| S2 | table 1 |', '| S2 | |'))))).toEqual(expect.arrayContaining(['line N1: names no section of its source (the page, article, chapter or step)']));
  });

  test('the targets: 95 % of must-do lines acted on the object, cards at most a quarter of steps, 12 terms', () => {
    // A must-do line trained only by a card is knowledge, not the act: 4 of 5 acted is under 95 %.
    const cardOnly = problems(procedure((r) => [...r, '| M5 | must-do | | Read the order | S1 | 3 | step:read-order |']));
    expect(cardOnly).toEqual(expect.arrayContaining(['4 of 5 must-do lines are trained by a step on the placed object, fewer than 95 % (not acted: M5)']));
    expect(problems(procedure((r) => r.filter((x) => !x.startsWith('| T12 '))))).toEqual(expect.arrayContaining(['11 Dutch workplace terms, fewer than 12']));
    // A term must be an object's word the trainee meets, not a step.
    expect(problems(procedure((r) => r.map((x) => x.replace('object:phone', 'step:wash-hands'))))).toEqual(expect.arrayContaining(['line T11: a Dutch term must map to an object:<id> whose term the trainee sees and hears']));
    const cards = { ...template, steps: template.steps.map((s, i) => (i < 3 ? { ...s, action: 'answer' as const } : s)) };
    const parsed = parseProcedureFile(procedure());
    expect(checkProcedure(parsed.file, cards).issues.map((i) => i.message)).toEqual(expect.arrayContaining(['4 of 11 steps are cards (answer, classify), more than a quarter']));
  });

  test('the table must have the agreed columns and a Scenario line', () => {
    expect(parseProcedureFile(procedure().replace('| id | category | severity | line | source | section | trains |', '| id | category | line | trains |')).issues.map((i) => i.message)).toEqual([
      'the checklist\'s columns must be id | category | severity | line | source | section | trains (found id | category | line | trains)',
    ]);
    expect(parseProcedureFile(procedure().replace('Scenario: food/template', '')).issues.map((i) => i.message)).toEqual(['no "Scenario: <sector>/<station>" line names the scenario this procedure is for']);
  });

  // The real files: every station's procedure is held against its scenario.
  const dir = join(process.cwd(), 'docs/procedures');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
  describe.skipIf(files.length === 0)('the stations\' procedure files', () => {
    test.each(files)('docs/procedures/%s maps every line to its scenario and meets the targets', (f) => {
      const stations = scenes.map((s) => s.scenario).filter((s) => s !== null);
      const checked = checkProcedureFile(join(dir, f), stations);
      expect(checked.issues.map((i) => `${f}:${i.at}: ${i.message}`)).toEqual([]);
      // The file is named after the station it describes.
      expect(f).toBe(`${checked.scenario!.split('/')[1]}.md`);
    });
  });
});
