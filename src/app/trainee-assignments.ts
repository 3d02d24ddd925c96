import { useEffect, useState } from 'react';

/** What a signed-in trainee may play (GET /api/trainee/assignments): their group's stations and whether the exam is unlocked. */
export interface TraineeAssignments {
  /** Scenario ids the group sees; null: every station. */
  stations: string[] | null;
  exam: boolean;
}

/** Anonymous or not yet known (offline): every station, practice only — the server refuses other exams anyway. */
const practiceOnly: TraineeAssignments = { stations: null, exam: false };

function isAssignments(v: unknown): v is TraineeAssignments {
  const o = v as Partial<TraineeAssignments> | null;
  return typeof o === 'object' && o !== null && typeof o.exam === 'boolean' && (o.stations === null || (Array.isArray(o.stations) && o.stations.every((s) => typeof s === 'string')));
}

/** The signed-in trainee's assignments, asked again whenever the trainee changes. */
export function useTraineeAssignments(token: string | null): TraineeAssignments {
  const [assignments, setAssignments] = useState<TraineeAssignments>(practiceOnly);
  useEffect(() => {
    setAssignments(practiceOnly);
    if (!token) return;
    let cancelled = false;
    void fetch('/api/trainee/assignments', { headers: { authorization: `Bearer ${token}` } })
      .then(async (res) => (res.ok ? ((await res.json()) as unknown) : null))
      .then((body) => {
        if (!cancelled && isAssignments(body)) setAssignments({ stations: body.stations, exam: body.exam });
      })
      .catch(() => {
        // Offline: practice only until the server can say more.
      });
    return () => {
      cancelled = true;
    };
  }, [token]);
  return assignments;
}
