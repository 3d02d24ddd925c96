import { languages } from './languages';

/**
 * The language a trainee chose, kept in localStorage so a reload does not forget it: per device
 * (the last choice made on it) and per signed-in trainee (by their pseudonymous code), so on a
 * shared headset each trainee gets their own language back when they sign in.
 */
const storageKey = 'werkvloer.language';
/** A shared headset meets a class a week, not thousands: the oldest entries go beyond this. */
const maxTrainees = 200;

interface Stored {
  device: string | null;
  /** Trainee code → language, oldest first. */
  trainees: [string, string][];
}

const known = (code: unknown): code is string => typeof code === 'string' && languages.some((l) => l.code === code);

function read(): Stored {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as { device?: unknown; trainees?: unknown };
    const trainees = Array.isArray(raw.trainees)
      ? raw.trainees.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && known(e[1]))
      : [];
    return { device: known(raw.device) ? raw.device : null, trainees };
  } catch {
    return { device: null, trainees: [] };
  }
}

/** The trainee's own language if they chose one on this device, else this device's last choice, else null. */
export function rememberedLanguage(traineeCode: string | null): string | null {
  if (typeof localStorage === 'undefined') return null;
  const s = read();
  const own = traineeCode === null ? undefined : s.trainees.find(([code]) => code === traineeCode)?.[1];
  return own ?? s.device;
}

/** Keeps a choice for this device and, when someone is signed in, for that trainee. */
export function rememberLanguage(language: string, traineeCode: string | null): void {
  if (!known(language) || typeof localStorage === 'undefined') return;
  const s = read();
  s.device = language;
  if (traineeCode !== null) {
    s.trainees = s.trainees.filter(([code]) => code !== traineeCode);
    s.trainees.push([traineeCode, language]);
    if (s.trainees.length > maxTrainees) s.trainees = s.trainees.slice(-maxTrainees);
  }
  try {
    localStorage.setItem(storageKey, JSON.stringify(s));
  } catch {
    // Private mode or full storage: the choice still holds for this visit.
  }
}
