import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, sourceLanguage } from '../i18n/languages';
import { fetchTexts, hasTexts } from './locale-texts';

const storageKey = 'werkvloer.dashboard.language';

export const dashboardLanguages = languages.filter((l) => hasTexts(l.code, 'dashboard'));

/** Loads a language's texts without switching to it (a trainee's copy of a report, a QR card's second line). */
export async function loadDashboardLanguage(code: string) {
  return load(code);
}

const loading = new Map<string, Promise<void>>();

/** The shell's texts in one language, fetched once: `dashboard` with the coaching views' `coach` and the learning paths' texts merged in, and `accounts`. */
function load(code: string): Promise<void> {
  let done = loading.get(code);
  if (!done) {
    done = Promise.all([fetchTexts(code, 'dashboard'), fetchTexts(code, 'coach'), fetchTexts(code, 'accounts'), fetchTexts(code, 'dashboard-paths')]).then(([main, coach, accounts, paths]) => {
      if (main) i18next.addResourceBundle(code, 'dashboard', main, true, true);
      if (coach) i18next.addResourceBundle(code, 'dashboard', coach, true, true);
      if (paths) i18next.addResourceBundle(code, 'dashboard', paths, true, true);
      if (accounts) i18next.addResourceBundle(code, 'accounts', accounts, true, true);
    });
    // A failed fetch (a network hiccup) may be tried again on the next change of language.
    done.catch(() => loading.delete(code));
    loading.set(code, done);
  }
  return done;
}

function initialLanguage(): string {
  const stored = localStorage.getItem(storageKey);
  const wanted = [stored, ...navigator.languages.map((l) => l.slice(0, 2))];
  return wanted.find((c) => c && dashboardLanguages.some((l) => l.code === c)) ?? sourceLanguage;
}

export async function setDashboardLanguage(code: string) {
  await load(code);
  await i18next.changeLanguage(code);
  localStorage.setItem(storageKey, code);
  const dir = languages.find((l) => l.code === code)?.dir ?? 'ltr';
  document.documentElement.lang = code;
  document.documentElement.dir = dir;
}

export async function initDashboardI18n() {
  await i18next.use(initReactI18next).init({
    lng: sourceLanguage,
    fallbackLng: sourceLanguage,
    ns: ['dashboard', 'accounts'],
    defaultNS: 'dashboard',
    resources: {},
    interpolation: { escapeValue: false },
  });
  // Dutch (the fallback) and the trainer's language are fetched side by side, not one after the other.
  const lng = initialLanguage();
  await Promise.all([load(sourceLanguage), load(lng)]);
  await setDashboardLanguage(lng);
}
