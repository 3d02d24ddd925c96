import { describe, expect, test } from 'vitest';
import { readSettings } from '../../../src/server/settings';

describe('PUBLIC_URL', () => {
  test('is unset by default; a trailing slash is dropped; a path is kept', () => {
    expect(readSettings({}).publicUrl).toBeNull();
    expect(readSettings({ PUBLIC_URL: 'https://werkvloer.centrum.example/' }).publicUrl).toBe('https://werkvloer.centrum.example');
    expect(readSettings({ PUBLIC_URL: 'https://centrum.example/werkvloer' }).publicUrl).toBe('https://centrum.example/werkvloer');
  });
  test.each([
    ['werkvloer.example', /PUBLIC_URL must be an address such as https:\/\//],
    ['ftp://werkvloer.example', /PUBLIC_URL must start with https:\/\/ or http:\/\//],
    ['https://werkvloer.example/?a=1', /PUBLIC_URL must not have a query/],
    ['https://werkvloer.example/#x', /PUBLIC_URL must not have a query/],
    ['https://user:pw@werkvloer.example', /PUBLIC_URL must not hold a user name or password/],
  ])('"%s" stops the start, naming the variable', (v, message) => {
    expect(() => readSettings({ PUBLIC_URL: v })).toThrow(message);
  });
});

describe('SERVER_SECRET', () => {
  test('is optional; when set it must be long enough to be a key', () => {
    expect(readSettings({}).serverSecret).toBeNull();
    expect(readSettings({ SERVER_SECRET: 'ab'.repeat(32) }).serverSecret).toBe('ab'.repeat(32));
    expect(() => readSettings({ SERVER_SECRET: 'short' })).toThrow(/SERVER_SECRET must be at least 64 hex characters/);
  });
});
