import type { ReactNode } from 'react';
import { useSession } from '../state/session-context';

export interface WhenStepProps {
  /** Show the children while any of these steps can be done now (`available`)… */
  available?: readonly string[];
  /** …or once this step is done (a new guard fitted, the cut strip lying there). */
  done?: string;
  /** Show them until this step is done (the damaged guard, the uncut board). */
  notDone?: string;
  children: ReactNode;
}

/**
 * Parts of a station that come and go with the work: the question cards while the question is
 * asked, the cut strip after the cut. Re-renders only when the answer changes, not per event.
 */
export function WhenStep({ available, done, notDone, children }: WhenStepProps) {
  const show = useSession((s) => {
    const engine = s.engine;
    const scenario = s.scenario;
    if (!engine || !scenario) return false;
    const isDone = (id: string) => engine.steps[scenario.steps.findIndex((st) => st.id === id)]?.done === true;
    if (available && !available.some((id) => engine.available.includes(id))) return false;
    if (done !== undefined && !isDone(done)) return false;
    if (notDone !== undefined && isDone(notDone)) return false;
    return true;
  });
  return show ? <>{children}</> : null;
}
