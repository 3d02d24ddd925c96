/** Shared vocabulary of the engine: events in, feedback and results out. Plain data, JSON-serialisable. */

export type Device = 'desktop' | 'touch' | 'vr-controller' | 'vr-hand';
export type Mode = 'practice' | 'exam';
export const competencies = ['safety', 'quality', 'numeracy', 'language', 'problem-solving', 'procedure'] as const;
export type Competency = (typeof competencies)[number];
export type Severity = 'minor' | 'major' | 'critical';

/** One thing the trainee did. `t` is ms since session start: time only ever comes in with events. */
export interface SessionEvent {
  t: number;
  action: string;
  object: string;
  value?: number | string;
  device: Device;
}

/** Why a step attempt did not count; each is one mistake on that step. */
export type MistakeKind =
  | 'wrong-order'
  | 'out-of-tolerance'
  | 'too-short'
  | 'too-early'
  | 'not-ready'
  | 'wrong-classification'
  | 'wrong-answer'
  | 'wrong-action';

export interface Mistake {
  t: number;
  kind: MistakeKind;
  /** The step the attempt counts against (for wrong-action: the step the trainee should have been doing). */
  step: string | null;
  action: string;
  object: string;
}

export interface Violation {
  t: number;
  rule: string;
  severity: Severity;
  critical: boolean;
  /** Score points this occurrence costs (0–100 scale). */
  penalty: number;
  competency: Competency;
}

/**
 * What to show after an action. `key` is a namespaced i18next key (`feedback:…` for generic
 * messages, `<scenario id>:…` for scenario texts) so the app can pass it straight to `t()`.
 */
export type Feedback =
  | { kind: 'step-completed'; step: string; key: string; t: number }
  | { kind: 'wrong-order'; step: string; key: string; t: number; missing: string[] }
  | { kind: 'out-of-tolerance'; step: string; key: string; t: number; value: number; target: number; tolerance: number }
  | { kind: 'too-short'; step: string; key: string; t: number; durationMs: number; minMs: number }
  | { kind: 'too-early'; step: string; key: string; t: number; waitedMs: number; waitMs: number }
  | { kind: 'not-ready'; step: string; key: string; t: number }
  | { kind: 'wrong-classification'; step: string; key: string; t: number; value: string | number | null }
  | { kind: 'wrong-answer'; step: string; key: string; t: number; value: string | number | null }
  | { kind: 'wrong-action'; step: string | null; key: string; t: number; action: string; object: string }
  | { kind: 'rule-violated'; rule: string; key: string; t: number; severity: Severity; critical: boolean }
  | { kind: 'hint'; step: string; key: string; t: number }
  /** A critical rule stopped the machine. `resumeAt`: practice goes on from this step after a `continue` event; null: the attempt is over (exam). */
  | { kind: 'stopped'; rule: string; key: string; t: number; resumeAt: string | null }
  /** Practice went on from the rule's safe state; `step` is the step it resumes at. */
  | { kind: 'continued'; rule: string; step: string; key: string; t: number }
  | { kind: 'all-done'; key: string; t: number };

export type FeedbackKind = Feedback['kind'];

/** Practice after a critical violation: the machine is stopped and the station in its safe state until a `continue` event. */
export interface Halt {
  /** When the rule fired. */
  t: number;
  /** The critical rules that fired on that event (the first one is explained first). */
  rules: string[];
  /** The step the trainee resumes at (the first rule's safe state). */
  resumeAt: string;
}

/** One "go on from the safe state" in a practice attempt; the record keeps every one of them. */
export interface Continuation {
  rule: string;
  rules: string[];
  stoppedAt: number;
  continuedAt: number;
  resumeAt: string;
}

/** Per-step progress, indexed like `scenario.steps`. */
export interface StepProgress {
  id: string;
  done: boolean;
  /** Time the step was completed (ms since start), or null. */
  doneAt: number | null;
  /** Time all prerequisites were met: the start of this step's clock. */
  availableAt: number | null;
  mistakes: number;
  hints: number;
  /** For hold/stay steps: when the current hold started, or null. */
  openSince: number | null;
}

export interface MachineState {
  state: string;
  /** When the machine entered this state (ms since start): timed transitions count from here. */
  since: number;
}

export interface EngineState {
  mode: Mode;
  /** Time of the last event processed. */
  t: number;
  /** Completed steps in the order they were done. */
  completed: { id: string; t: number }[];
  /** Steps whose prerequisites are met and that are not done yet, in scenario order. */
  available: string[];
  steps: StepProgress[];
  machines: Record<string, MachineState>;
  /** Objects currently worn (wear/remove). */
  wearing: string[];
  /** Zones the trainee is currently inside (enter/exit). */
  inside: string[];
  /** Sequence rules whose first action happened with no reset since, by sequence id. */
  armed: string[];
  mistakes: Mistake[];
  violations: Violation[];
  /** Hints used per step id. */
  hints: Record<string, number>;
  /** Time per completed step (ms from available to done), by step id. */
  stepTime: Record<string, number>;
  ended: boolean;
  failed: boolean;
  failedByCritical: boolean;
  /** Practice only: stopped by a critical rule, waiting for `continue`; every other event is ignored meanwhile. */
  halted: Halt | null;
  /** Practice only: each time the trainee went on after a critical rule. */
  continuations: Continuation[];
}

export interface StepScore {
  id: string;
  done: boolean;
  points: number;
  earned: number;
  mistakes: number;
  hints: number;
  durationMs: number | null;
  competency: Competency;
}

export interface ScoreResult {
  /** 0–100, integer. */
  total: number;
  passed: boolean;
  passScore: number;
  steps: StepScore[];
  violations: Violation[];
  mistakes: Mistake[];
  competencies: Record<Competency, number | null>;
  failedByCritical: boolean;
  /** Each time a practice attempt went on from a critical rule's safe state (see docs/scoring.md). */
  continuations: Continuation[];
  /** Whether this attempt may count toward mastery: passed, and never continued after a critical rule. */
  countsForMastery: boolean;
  ended: boolean;
  /** Sum of step points earned / available, before rule penalties (for the trainer's detail view). */
  stepPoints: { earned: number; max: number };
  penalties: number;
}
