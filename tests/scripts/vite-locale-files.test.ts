import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { localeFilesModuleId, localeFilesPlugin } from '../../scripts/vite-locale-files';
import { stationsPlugin } from '../../scripts/vite-stations';

const root = process.cwd();
const ctx = {
  error: (message: string) => {
    throw new Error(message);
  },
};

function load(plugin: ReturnType<typeof localeFilesPlugin>, id: string): string | null {
  (plugin.configResolved as (c: { root: string }) => void)({ root });
  const resolved = (plugin.resolveId as (id: string) => string | null)(id);
  if (resolved === null) return null;
  return (plugin.load as unknown as (this: typeof ctx, id: string) => string | null).call(ctx, resolved);
}

describe('locale files plugin', () => {
  test('the first module holds one loader per language folder, not the file names', () => {
    const code = load(localeFilesPlugin(), localeFilesModuleId)!;
    const folders = readdirSync('locales', { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(folders.length).toBe(8);
    for (const { name: lng } of folders) expect(code).toContain(`import("${localeFilesModuleId}/${lng}")`);
    expect(code).not.toContain('.json');
  });

  test("a language's module names each of the trainee app's texts, never the dashboard's", () => {
    const code = load(localeFilesPlugin(), `${localeFilesModuleId}/ar`)!;
    for (const ns of ['ui', 'feedback', 'results', 'join', 'wood-panel-saw', 'vr-tutorial']) {
      expect(code).toContain(`import u`);
      expect(code).toContain(`"/locales/ar/${ns}.json?url"`);
    }
    for (const ns of ['dashboard', 'dashboard-lrs', 'dashboard-live', 'dashboard-paths', 'coach', 'accounts', 'passport', 'passport-verify']) expect(code).not.toContain(`/${ns}.json`);
    expect(code).not.toContain('/locales/nl/');
  });

  test('an unknown language is a build error that names it', () => {
    expect(() => load(localeFilesPlugin(), `${localeFilesModuleId}/xx`)).toThrow(/language xx/);
  });

  test('the stations plugin leaves these modules to it', () => {
    expect((stationsPlugin().resolveId as (id: string) => string | null)(`${localeFilesModuleId}/nl`)).toBeNull();
  });
});
