import { useCallback } from 'react';
import type { Device } from '../engine';
import { useSessionStore } from '../state/session-context';

/** Sends one trainee action to the session (the engine scores it; the record keeps the device). */
export function useAct() {
  const session = useSessionStore();
  return useCallback(
    (action: string, object: string, device: Device, value?: number | string) => session.getState().act(action, object, device, value),
    [session],
  );
}
