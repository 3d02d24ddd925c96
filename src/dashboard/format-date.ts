/**
 * Every date and time the dashboard shows, in one style: the trainer's language through Intl, the
 * month short and spelled (no day/month order to guess between a Belgian and an English reader),
 * Western digits like the scores beside them, and the calendar of the centre's records (Gregorian:
 * Dari's own default is the solar Hijri one). `timeZone` is the browser's unless a test gives one.
 */
export type DateStyle = 'date' | 'dateTime';

const options: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};

/** Intl knows Dari under its region tag (fa-AF); the other dashboard languages under their own code. */
const intlLocale = (lng: string) => (lng === 'prs' ? 'fa-AF' : lng);

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lng: string, style: DateStyle, timeZone: string | undefined) {
  const key = `${lng}|${style}|${timeZone ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(lng), { ...options[style], calendar: 'gregory', numberingSystem: 'latn', ...(timeZone ? { timeZone } : {}) });
    cache.set(key, f);
  }
  return f;
}

/** A moment (ISO text, epoch milliseconds or Date) as the trainer reads it; '–' for none. */
export function formatDate(when: string | number | Date | null | undefined, lng: string, style: DateStyle = 'dateTime', timeZone?: string): string {
  if (when === null || when === undefined || when === '') return '–';
  const date = when instanceof Date ? when : new Date(when);
  if (Number.isNaN(date.getTime())) return '–';
  return formatter(lng, style, timeZone).format(date);
}

/** A calendar day (`2026-12-06`, as the server groups by day) as that day wherever the trainer is. */
export function formatDay(day: string, lng: string): string {
  return formatDate(`${day}T12:00:00Z`, lng, 'date', 'UTC');
}
