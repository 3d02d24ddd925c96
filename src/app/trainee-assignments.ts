import { useEffect, useState } from 'react';

type Country = 'BE' | 'NL';

/** What a signed-in trainee may play (GET /api/trainee/assignments): their group's stations and whether the exam is unlocked. */
export interface TraineeAssignments {
  /** Scenario ids the group sees; null: every station. */
  stations: string[] | null;
  exam: boolean;
  /** The organisation's country (issue 6); null: not chosen yet, or not signed in. */
  country: Country | null;
}

/** Anonymous or not yet known (offline): every station, practice only — the server refuses other exams anyway. */
const practiceOnly: TraineeAssignments = { stations: null, exam: false, country: null };

function isAssignments(v: unknown): v is Omit<TraineeAssignments, 'country'> {
  const o = v as Partial<TraineeAssignments> | null;
  return typeof o === 'object' && o !== null && typeof o.exam === 'boolean' && (o.stations === null || (Array.isArray(o.stations) && o.stations.every((s) => typeof s === 'string')));
}

/** A server from before the country setting sends none: that is "not chosen", never a guess. */
const countryOf = (v: unknown): Country | null => {
  const c = (v as { country?: unknown }).country;
  return c === 'BE' || c === 'NL' ? c : null;
};

/**
 * The stations to list: the group's (all when it has none assigned), and of those the ones for the
 * organisation's country plus those for every country. Without a country both variants stay, each
 * titled with its country.
 */
export function offeredStations<S extends { id: string; country: Country | null }>(stations: readonly S[], a: TraineeAssignments): readonly S[] {
  return stations.filter((s) => (a.stations === null || a.stations.includes(s.id)) && (a.country === null || s.country === null || s.country === a.country));
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
        if (!cancelled && isAssignments(body)) setAssignments({ stations: body.stations, exam: body.exam, country: countryOf(body) });
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
