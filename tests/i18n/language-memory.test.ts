// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { rememberLanguage, rememberedLanguage } from '../../src/i18n/language-memory';

describe('the chosen language survives a reload (per device and per signed-in trainee)', () => {
  beforeEach(() => localStorage.clear());

  test('nothing chosen yet: nothing remembered (the browser suggests)', () => {
    expect(rememberedLanguage(null)).toBeNull();
    expect(rememberedLanguage('K7MX-4Q')).toBeNull();
  });

  test('per device: the last choice, for whoever has not chosen their own', () => {
    rememberLanguage('ar', null);
    expect(rememberedLanguage(null)).toBe('ar');
    expect(rememberedLanguage('K7MX-4Q')).toBe('ar');
  });

  test('per trainee on a shared headset: each signed-in trainee gets their own language back', () => {
    rememberLanguage('ti', 'AAAA-11');
    rememberLanguage('uk', 'BBBB-22');
    expect(rememberedLanguage('AAAA-11')).toBe('ti');
    expect(rememberedLanguage('BBBB-22')).toBe('uk');
    expect(rememberedLanguage(null)).toBe('uk');
    rememberLanguage('prs', 'AAAA-11');
    expect(rememberedLanguage('AAAA-11')).toBe('prs');
  });

  test('only languages the app offers are kept; damaged storage is ignored', () => {
    rememberLanguage('xx', null);
    expect(rememberedLanguage(null)).toBeNull();
    localStorage.setItem('werkvloer.language', '{"device":"de","trainees":[["A","klingon"],["B","fr"],7]}');
    expect(rememberedLanguage(null)).toBeNull();
    expect(rememberedLanguage('A')).toBeNull();
    expect(rememberedLanguage('B')).toBe('fr');
    localStorage.setItem('werkvloer.language', 'not json');
    expect(rememberedLanguage(null)).toBeNull();
  });

  test('a bounded list: the oldest trainees go first', () => {
    for (let i = 0; i < 205; i++) rememberLanguage('fr', `T-${i}`);
    expect(rememberedLanguage('T-0')).toBe('fr'); // falls back to the device's choice
    rememberLanguage('tr', null);
    expect(rememberedLanguage('T-0')).toBe('tr');
    expect(rememberedLanguage('T-204')).toBe('fr');
    expect((JSON.parse(localStorage.getItem('werkvloer.language')!) as { trainees: unknown[] }).trainees).toHaveLength(200);
  });
});
