import { useSession } from '../../../src/world';

/** Whether a step is done; a boolean, so a component renders only when it flips. */
export function useStepDone(stepId: string): boolean {
  return useSession((s) => s.engine?.completed.some((c) => c.id === stepId) ?? false);
}

/** A machine's state name (coarse: it changes a few times a session). */
export function useMachineState(machine: string): string | null {
  return useSession((s) => s.engine?.machines[machine]?.state ?? null);
}
