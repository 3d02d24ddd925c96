import { describe, expect, test } from 'vitest';
import { emulatorRequested } from '../../src/play/xr-setup';

describe('emulatorRequested', () => {
  test('only an explicit flag switches the emulator on', () => {
    expect(emulatorRequested('')).toBe(false);
    expect(emulatorRequested('?station=wood')).toBe(false);
    expect(emulatorRequested('?emulate=0')).toBe(false);
    expect(emulatorRequested('?emulate=quest3')).toBe(true);
    expect(emulatorRequested('?emulate=1')).toBe(true);
  });
});
