// Types only (nothing at run time): the server stores these flags with an exam attempt and the
// dashboard shows them, so both read the same shape.

/** Why the trainer should look at an exam before trusting it (src/server/exams/exam-plausibility.ts). */
export type ExamFlag =
  | { kind: 'late'; expiresAt: string }
  | { kind: 'started-before-attempt'; issuedAt: string }
  | { kind: 'too-fast'; n: number; action: string; object: string; gapMs: number; minimumMs: number }
  | { kind: 'regular-times' }
  | { kind: 'beyond-session' };
