import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { initialState, parseScenario, step, type EngineState, type Scenario, type ScenarioInput, type SessionEvent } from '../../src/engine';
import { currentStepView, heardInstructionKey } from '../../src/state/step-view';
import { instructionLanguage, instructionLine } from '../../src/audio/spoken-session';
import type { SessionState } from '../../src/state/session-store';
import { checkListenSteps, loadScene, type LoadedScene } from '../../scripts/check-scenes';

/** Two steps; the second is heard in Dutch only. */
const input: ScenarioInput = {
  id: 'listen-sample',
  version: 1,
  sector: 'wood',
  station: 'listen-sample',
  title: 'title',
  summary: 'summary',
  passScore: 50,
  objects: [
    { id: 'glasses', term: 'veiligheidsbril', name: 'objects.glasses' },
    { id: 'fence', term: 'parallelgeleider', name: 'objects.fence' },
  ],
  steps: [
    { id: 'wear', action: 'wear', object: 'glasses', competency: 'safety', instruction: 'steps.wear.instruction' },
    { id: 'set', action: 'set', object: 'fence', after: ['wear'], competency: 'language', instruction: 'steps.set.instruction', hint: 'steps.set.hint', listen: true, value: { target: 85, tolerance: 0.5, unit: 'mm' } },
  ],
};

function parse(data: unknown): Scenario {
  const r = parseScenario(data, 'listen-sample.json');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}
const ev = (t: number, action: string, object: string, value?: number): SessionEvent => (value === undefined ? { t, action, object, device: 'desktop' } : { t, action, object, value, device: 'desktop' });
function play(sc: Scenario, mode: 'practice' | 'exam', events: SessionEvent[]): { state: EngineState; feedback: ReturnType<typeof step>['feedback'] } {
  let state = initialState(sc, mode);
  let feedback: ReturnType<typeof step>['feedback'] = [];
  for (const e of events) ({ state, feedback } = step(sc, state, e));
  return { state, feedback };
}
const session = (scenario: Scenario, engine: EngineState) => ({ scenario, engine }) as unknown as SessionState;

describe('the scenario format: listen', () => {
  test('a step may be marked listen: true; any other value is an error at its JSON path', () => {
    expect(parse(input).steps[1]!.listen).toBe(true);
    expect(parse(input).steps[0]!.listen).toBeUndefined();
    const bad = structuredClone(input) as unknown as { steps: Record<string, unknown>[] };
    bad.steps[1]!.listen = 'yes';
    const r = parseScenario(bad, 'listen-sample.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain('$.steps[1].listen');
  });

  test('the generated JSON Schema for editors knows it', () => {
    const schema = JSON.parse(readFileSync('scenes/scenario.schema.json', 'utf8')) as {
      definitions: { Scenario: { properties: { steps: { items: { properties: Record<string, { type?: string }> } } } } };
    };
    expect(schema.definitions.Scenario.properties.steps.items.properties.listen?.type).toBe('boolean');
  });
});

describe('while a listening step is due', () => {
  const sc = parse(input);

  test('an ordinary step shows its words; the listening step hides them', () => {
    expect(currentStepView(sc, initialState(sc, 'practice'))).toMatchObject({ stepId: 'wear', listen: false, textHidden: false });
    const due = play(sc, 'practice', [ev(1000, 'wear', 'glasses')]).state;
    expect(currentStepView(sc, due)).toMatchObject({ stepId: 'set', listen: true, textHidden: true });
  });

  test('a hint (charged as any hint) shows the words in the trainee\'s language', () => {
    const hinted = play(sc, 'practice', [ev(1000, 'wear', 'glasses'), ev(2000, 'hint', 'set')]).state;
    expect(hinted.hints.set).toBe(1);
    expect(currentStepView(sc, hinted)).toMatchObject({ stepId: 'set', textHidden: false });
  });

  test('in exam mode the words stay hidden (no hints there)', () => {
    const due = play(sc, 'exam', [ev(1000, 'wear', 'glasses')]).state;
    expect(currentStepView(sc, due)?.textHidden).toBe(true);
  });

  test('the instruction is spoken in Dutch whatever the trainee\'s language; other steps in theirs', () => {
    const start = session(sc, initialState(sc, 'practice'));
    expect(instructionLine(start, 'ar')).toEqual({ key: 'listen-sample:steps.wear.instruction', lng: 'ar' });
    const due = session(sc, play(sc, 'practice', [ev(1000, 'wear', 'glasses')]).state);
    for (const trainee of ['ar', 'ti', 'en', 'nl']) {
      expect(instructionLanguage(due, trainee)).toBe('nl');
      expect(instructionLine(due, trainee)).toEqual({ key: 'listen-sample:steps.set.instruction', lng: 'nl' });
    }
  });

  test('once done, the feedback names the sentence heard (to show in Dutch and translated); not for other steps', () => {
    const wore = play(sc, 'practice', [ev(1000, 'wear', 'glasses')]);
    expect(heardInstructionKey(sc, wore.feedback.find((f) => f.kind === 'step-completed'))).toBeUndefined();
    const done = play(sc, 'practice', [ev(1000, 'wear', 'glasses'), ev(2000, 'set', 'fence', 85)]);
    expect(heardInstructionKey(sc, done.feedback.find((f) => f.kind === 'step-completed'))).toBe('steps.set.instruction');
    const wrong = play(sc, 'practice', [ev(1000, 'wear', 'glasses'), ev(2000, 'set', 'fence', 90)]);
    expect(heardInstructionKey(sc, wrong.feedback[0])).toBeUndefined();
  });
});

describe('check:scenes on listening steps', () => {
  const sc = parse(input);
  const fresh = (): LoadedScene => ({ file: 'x', folder: 'x', scenario: null, idealPath: null, issues: [], warnings: [] });

  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  function root(manifestFiles: Record<string, { file: string }>, withFile: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-listen-'));
    made.push(dir);
    mkdirSync(join(dir, 'assets/audio/nl/listen-sample'), { recursive: true });
    writeFileSync(join(dir, 'assets/audio/nl/manifest.json'), JSON.stringify({ language: 'nl', voice: null, files: manifestFiles }));
    if (withFile) writeFileSync(join(dir, 'assets/audio/nl/listen-sample/steps.set.instruction.ogg'), 'x');
    return dir;
  }
  const locale = { steps: { set: { instruction: 'Zet de parallelgeleider op 85 mm.' } } };
  const entry = { 'listen-sample:steps.set.instruction': { file: 'listen-sample/steps.set.instruction.ogg' } };

  test('passes with the Dutch text and its Dutch audio file', () => {
    const out = fresh();
    checkListenSteps(root(entry, true), 'x', sc, locale, out);
    expect(out.issues).toEqual([]);
  });

  test('no Dutch audio file: an error at the step\'s listen key', () => {
    for (const [files, withFile] of [[{}, false], [entry, false]] as const) {
      const out = fresh();
      checkListenSteps(root(files, withFile), 'x', sc, locale, out);
      expect(out.issues).toEqual([{ file: 'x', path: '$.steps[1].listen', message: expect.stringContaining('has no Dutch audio file') }]);
    }
  });

  test('no Dutch text, or one with a {{value}}: an error', () => {
    const out = fresh();
    checkListenSteps(root(entry, true), 'x', sc, {}, out);
    expect(out.issues[0]).toMatchObject({ path: '$.steps[1].listen', message: expect.stringContaining('needs its Dutch text') });
    const out2 = fresh();
    checkListenSteps(root(entry, true), 'x', sc, { steps: { set: { instruction: 'Zet op {{width}} mm.' } } }, out2);
    expect(out2.issues[0]).toMatchObject({ message: expect.stringContaining('{{value}}') });
  });

  test('the panel saw uses it: the team leader says the width in Dutch, and the station is valid', () => {
    const saw = loadScene(process.cwd(), join(process.cwd(), 'scenes/wood/panel-saw/scenario.json'));
    expect(saw.issues).toEqual([]);
    expect(saw.scenario?.steps.filter((s) => s.listen).map((s) => s.id)).toEqual(['set-fence']);
  });
});
