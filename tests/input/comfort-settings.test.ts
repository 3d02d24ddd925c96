import { describe, expect, test } from 'vitest';
import { createComfortSettings } from '../../src/input/comfort-settings';

/** A Map behind the Storage interface, as localStorage is in the browser. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('comfort settings', () => {
  test('a new headset starts standing, with teleport, and with the tutorial', () => {
    const s = createComfortSettings(memoryStorage()).getState();
    expect({ seated: s.seated, smoothMove: s.smoothMove, tutorial: s.tutorial, recenters: s.recenters }).toEqual({ seated: false, smoothMove: false, tutorial: true, recenters: 0 });
  });

  test('once the tutorial is done the headset no longer starts with it; a trainee can ask for it again', () => {
    const storage = memoryStorage();
    createComfortSettings(storage).getState().setTutorial(false);
    const next = createComfortSettings(storage);
    expect(next.getState().tutorial).toBe(false);
    next.getState().setTutorial(true);
    expect(createComfortSettings(storage).getState().tutorial).toBe(true);
  });

  test('a choice is remembered by the device and read back on the next visit', () => {
    const storage = memoryStorage();
    const first = createComfortSettings(storage);
    first.getState().setSeated(true);
    first.getState().setSmoothMove(true);
    const next = createComfortSettings(storage).getState();
    expect([next.seated, next.smoothMove, next.tutorial]).toEqual([true, true, true]);
  });

  test('recentering is not remembered, and does not rewrite the saved choice', () => {
    const storage = memoryStorage({ 'werkvloer.comfort': '{"seated":true,"smoothMove":false}' });
    const store = createComfortSettings(storage);
    storage.setItem('werkvloer.comfort', 'untouched');
    store.getState().recenter();
    expect(store.getState().recenters).toBe(1);
    expect(storage.getItem('werkvloer.comfort')).toBe('untouched');
  });

  test.each(['not json', '[1,2]', '{"seated":"yes","smoothMove":1}', 'null'])('an unreadable saved value (%s) falls back to the defaults', (raw) => {
    const s = createComfortSettings(memoryStorage({ 'werkvloer.comfort': raw })).getState();
    expect([s.seated, s.smoothMove, s.tutorial]).toEqual([false, false, true]);
  });

  test('without storage (private mode) the choices still work for the visit', () => {
    const store = createComfortSettings(undefined);
    store.getState().setSeated(true);
    expect(store.getState().seated).toBe(true);
  });
});
