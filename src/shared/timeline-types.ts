// Types only (no imports, nothing at run time): the dashboard imports these as types, so the
// session detail it reads and the timeline the server builds cannot drift apart, and no server
// code reaches the dashboard bundle.

/** What one event did, read from the engine's state before and after it (works in exam mode too, which gives no feedback). */
export interface TimelineEntry {
  t: number;
  action: string;
  object: string;
  value?: number | string;
  device: string;
  completed: string[];
  mistakes: { kind: string; step: string | null }[];
  violations: { rule: string; severity: string; critical: boolean; penalty: number }[];
  hint: string | null;
  /** Machines that changed state with this event, as `machine: from → to`. */
  machines: { machine: string; from: string; to: string }[];
  /** Practice, a critical rule: the steps undone to reach its safe state (they are done again after going on). */
  undone?: string[];
  /** Practice: the trainee went on from the rule's safe state with this event. */
  continued?: { rule: string; resumeAt: string };
}

/** One step of the scenario as the trainer reads it. */
export interface StepTimelineEntry {
  id: string;
  competency: string;
  status: 'done' | 'wrong' | 'skipped';
  doneAt: number | null;
  durationMs: number | null;
  mistakes: number;
  hints: number;
  points: number;
  earned: number;
}
