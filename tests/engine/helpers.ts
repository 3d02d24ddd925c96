import { parseScenario, type Device, type Scenario, type ScenarioInput, type SessionEvent } from '../../src/engine';

export function ev(t: number, action: string, object: string, value?: number | string, device: Device = 'desktop'): SessionEvent {
  const e: SessionEvent = { t, action, object, device };
  if (value !== undefined) e.value = value;
  return e;
}

export function parsed(input: unknown, file = 'test.json'): Scenario {
  const r = parseScenario(input, file);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

/**
 * A small station with one of everything, kept in code so each test can see what it plays against.
 * Steps: glasses (wear) → dial (set 50±2) → start (press) → sort (classify "a") → count (answer 4)
 * → clamp (hold ≥ 2 s, needs saw running) → stop → wash (stay in sink ≥ 3 s) → clean (grab rag,
 * 5 s after stop, saw stopped). The saw runs down 4 s after stop.
 */
export function labInput(): ScenarioInput {
  const o = (id: string, kind?: 'zone' | 'dial') => ({ id, term: `nl-${id}`, name: `objects.${id}`, ...(kind ? { kind } : {}) });
  type StepInput = ScenarioInput['steps'][number];
  const s = (id: string, action: StepInput['action'], object: string, after: string[], extra: Partial<StepInput> = {}): StepInput => ({
    id,
    action,
    object,
    after,
    competency: 'procedure',
    instruction: `steps.${id}`,
    hint: `hints.${id}`,
    ...extra,
  });
  return {
    id: 'lab',
    version: 1,
    sector: 'wood',
    station: 'lab',
    title: 'title',
    summary: 'summary',
    passScore: 70,
    objects: [o('glasses'), o('dial', 'dial'), o('start'), o('stop'), o('piece'), o('order'), o('clamp'), o('sink', 'zone'), o('rag'), o('blade-zone', 'zone'), o('face'), o('product')],
    machines: [
      {
        id: 'saw',
        states: ['stopped', 'running', 'running-down'],
        initial: 'stopped',
        transitions: [
          { from: 'stopped', on: { action: 'press', object: 'start' }, to: 'running' },
          { from: 'running', on: { action: 'press', object: 'stop' }, to: 'running-down' },
          { from: 'running-down', after: 4000, to: 'stopped' },
        ],
      },
    ],
    steps: [
      s('glasses', 'wear', 'glasses', [], { competency: 'safety' }),
      s('dial', 'set', 'dial', ['glasses'], { value: { target: 50, tolerance: 2 }, competency: 'numeracy' }),
      s('start', 'press', 'start', ['dial']),
      s('sort', 'classify', 'piece', ['start'], { expect: 'a', competency: 'quality' }),
      s('count', 'answer', 'order', ['sort'], { expect: 4, competency: 'quality' }),
      s('clamp', 'hold', 'clamp', ['count'], { minDurationMs: 2000, requires: { machine: 'saw', in: ['running'] } }),
      s('stop', 'press', 'stop', ['clamp'], { competency: 'safety' }),
      s('wash', 'stay', 'sink', ['stop'], { minDurationMs: 3000 }),
      s('clean', 'grab', 'rag', ['stop'], { wait: { since: 'stop', ms: 5000 }, requires: { machine: 'saw', in: ['stopped'] }, competency: 'safety' }),
    ],
    rules: [
      { id: 'no-glasses', on: { action: 'press', object: 'start' }, when: { not: { wearing: 'glasses' } }, severity: 'critical', message: 'rules.no-glasses', safeState: { resumeAt: 'glasses', machines: { saw: 'stopped' } } },
      { id: 'hand-in-blade', on: { action: 'enter', object: 'blade-zone' }, when: { machine: 'saw', in: ['running', 'running-down'] }, severity: 'major', message: 'rules.hand-in-blade' },
      { id: 'idle-blade', on: { action: 'enter', object: 'blade-zone' }, when: { machine: 'saw', in: ['stopped'] }, severity: 'minor', penalty: 2, competency: 'quality', message: 'rules.idle-blade' },
    ],
    sequences: [
      {
        id: 'face-then-product',
        first: [{ action: 'grab', object: 'face' }],
        then: [{ action: 'grab', object: 'product' }],
        resetBy: [{ action: 'exit', object: 'sink' }],
        severity: 'major',
        message: 'rules.face-then-product',
      },
    ],
  };
}

export const lab = (): Scenario => parsed(labInput(), 'lab.json');

/** The lab's ideal path: scores 100 in both modes. */
export const labIdeal: readonly SessionEvent[] = [
  ev(1000, 'wear', 'glasses'),
  ev(2000, 'set', 'dial', 51),
  ev(3000, 'press', 'start'),
  ev(4000, 'classify', 'piece', 'a'),
  ev(5000, 'answer', 'order', '4'),
  ev(6000, 'hold-start', 'clamp'),
  ev(8500, 'hold-end', 'clamp'),
  ev(9000, 'press', 'stop'),
  ev(10000, 'enter', 'sink'),
  ev(14000, 'exit', 'sink'),
  ev(15000, 'grab', 'rag'),
];
