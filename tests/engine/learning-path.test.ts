import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { learningPathSchema, parseLearningPath, pathProgress, reachesMastery, stuckOnModule, type LearningPathInput, type ModuleAttempt, type PathInput, type PathScenario } from '../../src/engine';
import { learningPathJsonSchemaText } from '../../src/engine/json-schema';
import { stuckRule } from '../../src/engine/stuck';

const scenarios: PathScenario[] = [
  { id: 'safety-signs', sector: 'wood', modes: ['practice', 'exam'], version: 1 },
  { id: 'wood-intro-workbench', sector: 'wood', modes: ['practice', 'exam'], version: 2 },
  { id: 'wood-panel-saw', sector: 'wood', modes: ['practice', 'exam'], version: 2 },
  { id: 'food-line-be', sector: 'food', country: 'BE', modes: ['practice', 'exam'], version: 1 },
  { id: 'practice-only', sector: 'wood', modes: ['practice'], version: 1 },
];
const versions = Object.fromEntries(scenarios.map((s) => [s.id, s.version]));
const wood = learningPathSchema.parse({
  id: 'wood',
  sector: 'wood',
  modules: [{ scenarioId: 'safety-signs' }, { scenarioId: 'wood-intro-workbench' }, { scenarioId: 'wood-panel-saw' }],
} satisfies LearningPathInput);

const practice = (scenarioId: string, score: number, extra: Partial<ModuleAttempt> = {}): ModuleAttempt => ({ scenarioId, version: versions[scenarioId]!, mode: 'practice', score, passed: score >= 70, continuedAfterCritical: false, ...extra });
const exam = (scenarioId: string, passed: boolean, version = versions[scenarioId]!): ModuleAttempt => ({ scenarioId, version, mode: 'exam', score: passed ? 90 : 40, passed, continuedAfterCritical: false });
const input = (over: Partial<PathInput> = {}): PathInput => ({ versions, attempts: [], masteries: [], overrides: [], ...over });
const states = (p: ReturnType<typeof pathProgress>) => p.map((m) => `${m.scenarioId}:${m.state}${m.next ? '*' : ''}`);

describe('learning path progress (issue 26)', () => {
  test('a new trainee: the first module is next, the rest locked', () => {
    expect(states(pathProgress(wood, input()))).toEqual(['safety-signs:practice*', 'wood-intro-workbench:locked', 'wood-panel-saw:locked']);
  });

  test('two practice passes of at least 80 open the exam; a pass at 75 or one that went on after a critical error does not count', () => {
    const attempts = [practice('safety-signs', 92), practice('safety-signs', 75), practice('safety-signs', 95, { continuedAfterCritical: true })];
    let p = pathProgress(wood, input({ attempts }));
    expect(p[0]).toMatchObject({ state: 'practice', practicePasses: 1, practiceNeeded: 2, examOpen: false });
    p = pathProgress(wood, input({ attempts: [...attempts, practice('safety-signs', 81)] }));
    expect(p[0]).toMatchObject({ state: 'exam', practicePasses: 2, examOpen: true, next: true });
  });

  test('a passed exam masters the module; mastery opens the next module, not the one after', () => {
    const attempts = [practice('safety-signs', 90), practice('safety-signs', 90), exam('safety-signs', true)];
    expect(reachesMastery(wood.modules[0]!, 1, attempts)).toBe(true);
    expect(reachesMastery(wood.modules[0]!, 1, attempts.slice(0, 2))).toBe(false);
    const p = pathProgress(wood, input({ attempts, masteries: [{ scenarioId: 'safety-signs', version: 1, masteredAt: '2026-12-01T10:00:00Z' }] }));
    expect(states(p)).toEqual(['safety-signs:mastered', 'wood-intro-workbench:practice*', 'wood-panel-saw:locked']);
    expect(p[0]).toMatchObject({ masteredAt: '2026-12-01T10:00:00Z', examOpen: false });
  });

  test('a module without an exam is mastered by its practice passes alone', () => {
    const path = learningPathSchema.parse({ id: 'p', sector: 'wood', modules: [{ scenarioId: 'practice-only', mastery: { practicePasses: 3, exam: false } }] });
    const three = [practice('practice-only', 85), practice('practice-only', 90), practice('practice-only', 80)];
    expect(reachesMastery(path.modules[0]!, 1, three.slice(0, 2))).toBe(false);
    expect(reachesMastery(path.modules[0]!, 1, three)).toBe(true);
    expect(pathProgress(path, input({ attempts: three }))[0]).toMatchObject({ state: 'practice', examOpen: false });
  });

  test('mastery belongs to the trainee: another group\'s path with the same module shows it mastered', () => {
    const masteries = [{ scenarioId: 'wood-panel-saw', version: 2, masteredAt: '2026-12-01T10:00:00Z' }];
    const otherGroup = learningPathSchema.parse({ id: 'copy', sector: 'wood', name: 'Avondklas', modules: [{ scenarioId: 'wood-panel-saw' }, { scenarioId: 'wood-intro-workbench' }] });
    expect(states(pathProgress(otherGroup, input({ masteries })))).toEqual(['wood-panel-saw:mastered', 'wood-intro-workbench:practice*']);
  });

  test('a module removed from a path after it was mastered stays mastered and opens nothing new', () => {
    const masteries = [{ scenarioId: 'safety-signs', version: 1, masteredAt: '2026-12-01T10:00:00Z' }];
    const edited = learningPathSchema.parse({ ...wood, modules: wood.modules.slice(1) });
    // The module after it now waits for the one before it in the edited list, which is not mastered.
    const p = pathProgress(edited, input({ masteries }));
    expect(states(p)).toEqual(['wood-intro-workbench:practice*', 'wood-panel-saw:locked']);
    // Put back, it is mastered again: nothing was lost.
    expect(pathProgress(wood, input({ masteries }))[0]!.state).toBe('mastered');
  });

  test('a minor change keeps mastery; a new major version asks for the exam again and keeps what it opened', () => {
    const masteries = [{ scenarioId: 'safety-signs', version: 1, masteredAt: '2026-12-01T10:00:00Z' }];
    // A text correction changes the scenario's hash, not its version: still mastered.
    expect(pathProgress(wood, input({ masteries }))[0]!.state).toBe('mastered');
    const major = pathProgress(wood, input({ masteries, versions: { ...versions, 'safety-signs': 2 } }));
    expect(major[0]).toMatchObject({ state: 'exam', refresh: true, examOpen: true, masteredAt: null });
    expect(major[1]!.state).toBe('practice');
    // An exam passed on the old version does not master the new one.
    expect(reachesMastery(wood.modules[0]!, 2, [exam('safety-signs', true, 1)])).toBe(false);
    expect(reachesMastery(wood.modules[0]!, 2, [exam('safety-signs', true, 2)])).toBe(true);
  });

  test('a trainer opens or locks by hand; the latest choice counts', () => {
    const overrides = [
      { scenarioId: 'wood-panel-saw', what: 'module' as const, open: true, at: '2026-12-01T09:00:00Z' },
      { scenarioId: 'safety-signs', what: 'module' as const, open: false, at: '2026-12-01T09:05:00Z' },
      { scenarioId: 'wood-intro-workbench', what: 'exam' as const, open: true, at: '2026-12-01T09:10:00Z' },
    ];
    const p = pathProgress(wood, input({ overrides }));
    expect(states(p)).toEqual(['safety-signs:locked', 'wood-intro-workbench:exam*', 'wood-panel-saw:practice']);
    expect(p[0]!.byHand).toEqual({ module: false });
    expect(p[1]).toMatchObject({ examOpen: true, byHand: { exam: true } });
    const later = [...overrides, { scenarioId: 'safety-signs', what: 'module' as const, open: true, at: '2026-12-01T11:00:00Z' }];
    expect(pathProgress(wood, input({ overrides: later }))[0]!.state).toBe('practice');
  });

  test('stuck: the latest four attempts at an open module brought no progress; one counting pass or a passed exam ends it', () => {
    expect(stuckRule.attemptsWithoutProgress).toBe(4);
    const low = (n: number) => Array.from({ length: n }, () => practice('safety-signs', 60));
    const stuckOn = (attempts: ModuleAttempt[]) => pathProgress(wood, input({ attempts })).find((m) => m.scenarioId === 'safety-signs')!.stuck;
    expect(stuckOn(low(3))).toBe(false);
    expect(stuckOn(low(4))).toBe(true);
    // A pass at 75 (under the path's 80) or one that went on after a critical error is no progress either.
    expect(stuckOn([...low(2), practice('safety-signs', 75), practice('safety-signs', 95, { continuedAfterCritical: true })])).toBe(true);
    // A counting pass among the latest four: progress.
    expect(stuckOn([...low(3), practice('safety-signs', 90)])).toBe(false);
    expect(stuckOn([practice('safety-signs', 90), ...low(4)])).toBe(true);
    // Attempts at another module or an older version do not count against this one.
    expect(stuckOn([...low(3), practice('wood-panel-saw', 10), practice('safety-signs', 10, { version: 0 })])).toBe(false);
    // Failed exams with the exam open: stuck; a passed exam masters the module, and a mastered module holds no one up.
    const examOpen = [practice('safety-signs', 90), practice('safety-signs', 90)];
    expect(stuckOn([...examOpen, exam('safety-signs', false), exam('safety-signs', false), exam('safety-signs', false), exam('safety-signs', false)])).toBe(true);
    const masteries = [{ scenarioId: 'safety-signs', version: 1, masteredAt: '2026-12-01T10:00:00Z' }];
    expect(pathProgress(wood, input({ attempts: low(6), masteries }))[0]!.stuck).toBe(false);
    // A locked module is not "stuck" whatever was played on it by hand before.
    expect(pathProgress(wood, input({ attempts: [...low(4).map((a) => ({ ...a, scenarioId: 'wood-panel-saw', version: 2 }))] }))[2]!.stuck).toBe(false);
    expect(stuckOnModule(wood.modules[2]!, 2, low(4).map((a) => ({ ...a, scenarioId: 'wood-panel-saw', version: 2 })))).toBe(true);
  });

  test('opensAfter lets a module wait for an earlier one than the module before it', () => {
    const path = learningPathSchema.parse({ id: 'p', sector: 'wood', modules: [{ scenarioId: 'safety-signs' }, { scenarioId: 'wood-intro-workbench' }, { scenarioId: 'wood-panel-saw', opensAfter: ['safety-signs'] }] });
    const masteries = [{ scenarioId: 'safety-signs', version: 1, masteredAt: '2026-12-01T10:00:00Z' }];
    expect(states(pathProgress(path, input({ masteries })))).toEqual(['safety-signs:mastered', 'wood-intro-workbench:practice*', 'wood-panel-saw:practice']);
  });
});

describe('learning path files', () => {
  test('a path naming a missing, repeated, wrong-country or exam-less module, or waiting for a later one, is refused with its JSON path', () => {
    const r = parseLearningPath(
      {
        id: 'broken',
        sector: 'wood',
        country: 'NL',
        modules: [
          { scenarioId: 'wood-panel-saw', opensAfter: ['wood-intro-workbench'] },
          { scenarioId: 'wood-intro-workbench' },
          { scenarioId: 'wood-panel-saw' },
          { scenarioId: 'food-line-be', mastery: { exam: true } },
          { scenarioId: 'practice-only' },
          { scenarioId: 'no-such-station' },
        ],
      },
      'scenes/_paths/broken.json',
      scenarios,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      '$.modules[0].opensAfter[0]: "wood-intro-workbench" is not a module before this one in the path; a module can only wait for earlier ones',
      '$.modules[2].scenarioId: "wood-panel-saw" is already module 1 of this path',
      '$.modules[3].scenarioId: "food-line-be" follows the rules of BE, but this path is for NL',
      '$.modules[4].mastery.exam: "practice-only" has no exam mode: set exam to false, or give the scenario an exam',
      '$.modules[5].scenarioId: no scenario "no-such-station"; the wood scenarios are: safety-signs, wood-intro-workbench, wood-panel-saw, practice-only',
    ]);
    expect(r.issues.every((i) => i.file === 'scenes/_paths/broken.json')).toBe(true);
  });

  test('a badly shaped path names the JSON path and the problem', () => {
    const r = parseLearningPath({ id: 'Wood Path', sector: 'metal', modules: [{ scenarioId: 'wood-panel-saw', mastery: { practiceMinScore: 120 } }] }, 'scenes/_paths/x.json', scenarios);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['$.id', '$.sector', '$.modules[0].mastery.practiceMinScore']));
  });

  test('scenes/path.schema.json is generated from the zod schema (npm run schema)', () => {
    expect(readFileSync('scenes/path.schema.json', 'utf8')).toBe(learningPathJsonSchemaText());
  });
});
