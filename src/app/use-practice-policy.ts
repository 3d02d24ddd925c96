import { useEffect, useState } from 'react';

/** What the app needs of GET /api/practice-policy (src/server/routes/practice-policy.ts). */
export interface PracticePolicy {
  /** The server has an organisation: results made without signing in reach no trainer. */
  centre: boolean;
  /** Ask the trainee to sign in before a station can be played. */
  signInFirst: boolean;
}

/** The two answers, or null when the body is not a policy. */
function policyOf(v: unknown): PracticePolicy | null {
  const o = v as Partial<PracticePolicy> | null;
  return o && typeof o.centre === 'boolean' && typeof o.signInFirst === 'boolean' ? { centre: o.centre, signInFirst: o.signInFirst } : null;
}

/**
 * The server's answer, asked once per start. Without an answer (a headset started offline) nobody is
 * asked to sign in. Not kept on the device: its few bytes put the food station's VR first frame over
 * its JavaScript budget.
 */
export function usePracticePolicy(): PracticePolicy {
  const [policy, setPolicy] = useState<PracticePolicy>({ centre: false, signInFirst: false });
  useEffect(() => {
    fetch('/api/practice-policy')
      .then((res) => res.json())
      .then((body: unknown) => {
        const answer = policyOf(body);
        if (answer) setPolicy(answer);
      })
      // Offline: nobody is asked to sign in until the server answers.
      .catch(() => undefined);
  }, []);
  return policy;
}
