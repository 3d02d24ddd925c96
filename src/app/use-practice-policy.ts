import { useEffect, useState } from 'react';

/** What the app needs of GET /api/practice-policy (src/server/routes/practice-policy.ts). */
export interface PracticePolicy {
  /** The server has an organisation: results made without signing in reach no trainer. */
  centre: boolean;
  /** Ask the trainee to sign in before a station can be played. */
  signInFirst: boolean;
}

const storageKey = 'werkvloer.practicePolicy';

/** The two answers, or null when the body is not a policy. */
function policyOf(v: unknown): PracticePolicy | null {
  const o = v as Partial<PracticePolicy> | null;
  return o && typeof o.centre === 'boolean' && typeof o.signInFirst === 'boolean' ? { centre: o.centre, signInFirst: o.signInFirst } : null;
}

function remembered(): PracticePolicy | null {
  try {
    return policyOf(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));
  } catch {
    return null;
  }
}

/**
 * The server's answer, asked once per start; the last answer is kept on the device, so a headset
 * that starts offline still asks its trainee to sign in first on a centre's server. Before any
 * answer: nobody to sign in to.
 */
export function usePracticePolicy(): PracticePolicy {
  const [policy, setPolicy] = useState(() => remembered() ?? { centre: false, signInFirst: false });
  useEffect(() => {
    fetch('/api/practice-policy')
      .then((res) => res.json())
      .then((body: unknown) => {
        const answer = policyOf(body);
        if (!answer) return;
        localStorage.setItem(storageKey, JSON.stringify(answer));
        setPolicy(answer);
      })
      // Offline: the last answer stands.
      .catch(() => undefined);
  }, []);
  return policy;
}
