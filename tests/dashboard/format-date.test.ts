import { describe, expect, test } from 'vitest';
import { formatDate, formatDay } from '../../src/dashboard/format-date';

describe('formatDate: one date style for every dashboard page', () => {
  const moment = '2026-03-07T08:05:00Z';

  test('Dutch: the day, the month short and spelled, the year, the time in 24 hours', () => {
    expect(formatDate(moment, 'nl', 'dateTime', 'Europe/Brussels')).toBe('7 mrt 2026, 09:05');
    expect(formatDate(moment, 'nl', 'date', 'Europe/Brussels')).toBe('7 mrt 2026');
  });

  test("in the trainer's own language and time zone", () => {
    expect(formatDate(moment, 'en', 'date', 'Europe/Brussels')).toBe('Mar 7, 2026');
    expect(formatDate(moment, 'fr', 'date', 'Europe/Brussels')).toBe('7 mars 2026');
    // A day later in Kabul's evening than in Brussels' morning: the time zone, not the text, decides.
    expect(formatDate('2026-03-07T21:00:00Z', 'nl', 'date', 'Asia/Kabul')).toBe('8 mrt 2026');
  });

  test('Arabic and Dari: Western digits like the scores beside them, and the Gregorian calendar of the records', () => {
    for (const lng of ['ar', 'prs']) {
      const text = formatDate(moment, lng, 'dateTime', 'Europe/Brussels');
      expect(text, lng).toMatch(/2026/);
      expect(text, lng).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
    }
    // Dari is formatted as Afghan Persian (fa-AF), not as a fallback language: Persian month names.
    const dari = formatDate(moment, 'prs', 'date', 'Europe/Brussels');
    expect(dari).toMatch(/[\u0600-\u06FF]/);
    expect(dari).toBe(new Intl.DateTimeFormat('fa-AF', { day: 'numeric', month: 'short', year: 'numeric', calendar: 'gregory', numberingSystem: 'latn', timeZone: 'Europe/Brussels' }).format(new Date(moment)));
  });

  test('ISO text, milliseconds and Date give the same text; nothing or nonsense gives a dash', () => {
    const ms = Date.parse(moment);
    expect(formatDate(ms, 'nl', 'dateTime', 'UTC')).toBe(formatDate(moment, 'nl', 'dateTime', 'UTC'));
    expect(formatDate(new Date(ms), 'nl', 'dateTime', 'UTC')).toBe(formatDate(moment, 'nl', 'dateTime', 'UTC'));
    expect(formatDate(null, 'nl')).toBe('–');
    expect(formatDate('not a date', 'nl')).toBe('–');
  });

  test('a calendar day stays that day in every time zone', () => {
    expect(formatDay('2026-12-06', 'nl')).toBe('6 dec 2026');
    expect(formatDay('2026-12-06', 'en')).toBe('Dec 6, 2026');
  });
});
