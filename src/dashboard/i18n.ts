import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, sourceLanguage } from '../i18n/languages';

/** Each language's dashboard texts, a chunk per language; only the chosen one and Dutch are fetched. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/dashboard.json');
// The coaching views' texts (issue 27) live in their own file, merged into the same namespace.
const coachFiles = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/coach.json');
const storageKey = 'werkvloer.dashboard.language';

export const dashboardLanguages = languages.filter((l) => `../../locales/${l.code}/dashboard.json` in files);

/** Account texts (password, second factor, reset) in a namespace of their own. */
const accountFiles = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/accounts.json');

/** Loads a language's texts without switching to it (a trainee's copy of a report, a QR card's second line). */
export async function loadDashboardLanguage(code: string) {
  return load(code);
}

async function load(code: string) {
  const file = files[`../../locales/${code}/dashboard.json`];
  const coach = coachFiles[`../../locales/${code}/coach.json`];
  if (file && !i18next.hasResourceBundle(code, 'dashboard')) {
    const [main, extra] = await Promise.all([file(), coach?.()]);
    i18next.addResourceBundle(code, 'dashboard', main.default, true, true);
    if (extra) i18next.addResourceBundle(code, 'dashboard', extra.default, true, true);
  }
  const accounts = accountFiles[`../../locales/${code}/accounts.json`];
  if (accounts && !i18next.hasResourceBundle(code, 'accounts')) i18next.addResourceBundle(code, 'accounts', (await accounts()).default);
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
  await load(sourceLanguage);
  await setDashboardLanguage(initialLanguage());
}
