/**
 * Where each of the dashboard's text files is after the build. Texts are fetched as JSON data, like
 * the trainee app's (src/i18n/i18n.ts), not bundled as JavaScript: a trainer downloads Dutch and their
 * own language, and eight languages of texts no longer count as code (nor get parsed as code).
 */
const urls = import.meta.glob<string>(['../../locales/*/dashboard.json', '../../locales/*/coach.json', '../../locales/*/accounts.json', '../../locales/*/dashboard-lrs.json', '../../locales/*/dashboard-paths.json', '../../locales/*/dashboard-live.json'], {
  query: '?url',
  import: 'default',
  eager: true,
});

/** The dashboard's text files: `dashboard`, `coach` and `dashboard-paths` share one namespace; the others are their own. */
export type TextFile = 'dashboard' | 'coach' | 'accounts' | 'dashboard-lrs' | 'dashboard-paths' | 'dashboard-live';

export function hasTexts(lng: string, file: TextFile): boolean {
  return `../../locales/${lng}/${file}.json` in urls;
}

/** One language's file, or null when that language has none (Dutch, the fallback, has all). */
export async function fetchTexts(lng: string, file: TextFile): Promise<Record<string, unknown> | null> {
  const url = urls[`../../locales/${lng}/${file}.json`];
  if (!url) return null;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`texts ${lng}/${file}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
