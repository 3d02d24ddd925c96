import { useEffect, useState } from 'react';
import { api } from './api';
import type { ExamFlag } from '../shared/exam-flag';

/**
 * The flags of the exams among these sessions, by session id (one request for a page of the
 * list). Sessions without an attempt (practice) are absent; an exam with no flags maps to [].
 */
export function useExamFlags(sessions: readonly { id: string; mode: string }[] | undefined): ReadonlyMap<string, ExamFlag[]> {
  const [flags, setFlags] = useState<ReadonlyMap<string, ExamFlag[]>>(new Map());
  const key = (sessions ?? [])
    .filter((s) => s.mode === 'exam')
    .map((s) => s.id)
    .slice(0, 200)
    .join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    api<{ attempts: { sessionId: string; flags: ExamFlag[] }[] }>('GET', `/api/dashboard/exam-attempts?sessions=${key}`).then(
      (r) => live && setFlags(new Map(r.attempts.map((a) => [a.sessionId, a.flags]))),
      // The flags are extra: the list stays usable without them.
      () => live && setFlags(new Map()),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return flags;
}
