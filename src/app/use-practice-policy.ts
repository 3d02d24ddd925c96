import { useEffect, useState } from 'react';

/** GET /api/practice-policy (src/server/routes/practice-policy.ts): whether a trainee signs in before playing. */
export interface PracticePolicy {
  centre: boolean;
  anonymousPractice: boolean;
  signInFirst: boolean;
}

const storageKey = 'werkvloer.practicePolicy';
/** No server has answered yet on this device: nobody to sign in to. */
const open: PracticePolicy = { centre: false, anonymousPractice: true, signInFirst: false };

function isPolicy(v: unknown): v is PracticePolicy {
  const o = v as Partial<PracticePolicy> | null;
  return typeof o === 'object' && o !== null && typeof o.centre === 'boolean' && typeof o.anonymousPractice === 'boolean' && typeof o.signInFirst === 'boolean';
}

function remembered(): PracticePolicy {
  try {
    const v = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
    return isPolicy(v) ? v : open;
  } catch {
    return open;
  }
}

/**
 * The server's answer, asked once per start; the last answer is kept on the device, so a headset
 * that starts offline still asks its trainee to sign in first on a centre's server.
 */
export function usePracticePolicy(): PracticePolicy {
  const [policy, setPolicy] = useState(remembered);
  useEffect(() => {
    let cancelled = false;
    void fetch('/api/practice-policy')
      .then(async (res) => (res.ok ? ((await res.json()) as unknown) : null))
      .then((body) => {
        if (cancelled || !isPolicy(body)) return;
        localStorage.setItem(storageKey, JSON.stringify(body));
        setPolicy(body);
      })
      .catch(() => {
        // Offline: the last answer stands.
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return policy;
}
