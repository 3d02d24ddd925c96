import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const localeFilesModuleId = 'virtual:werkvloer/locale-files';
const languagePrefix = `${localeFilesModuleId}/`;

/** The trainer dashboard's and the server's own texts: the trainee app never loads them. */
const notForTrainees = new Set(['accounts', 'coach', 'dashboard', 'dashboard-lrs', 'dashboard-live', 'dashboard-paths', 'dashboard-voices', 'passport', 'passport-verify']);

const folders = (dir: string) => readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort();

/**
 * Where each of the trainee app's text files is after the build, one small module per language: the
 * first chunk holds eight loaders instead of every language's file names (which grow with every
 * station), and a trainee's headset loads only the names of its own language's files.
 */
export function localeFilesPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'werkvloer-locale-files',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === localeFilesModuleId || id.startsWith(languagePrefix) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${localeFilesModuleId}`)) return null;
      const locales = join(root, 'locales');
      const virtualId = id.slice(1);
      if (virtualId === localeFilesModuleId) {
        const loaders = folders(locales).map((l) => `${JSON.stringify(l)}: () => import(${JSON.stringify(languagePrefix + l)}).then((m) => m.default)`);
        return `export const localeFiles = {\n${loaders.join(',\n')}\n};\n`;
      }
      const lng = virtualId.slice(languagePrefix.length);
      if (!folders(locales).includes(lng)) this.error(`no texts for language ${lng} in locales/`);
      const namespaces = readdirSync(join(locales, lng))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .filter((ns) => !notForTrainees.has(ns))
        .sort();
      const imports = namespaces.map((ns, i) => `import u${i} from ${JSON.stringify(`/locales/${lng}/${ns}.json?url`)};`);
      const entries = namespaces.map((ns, i) => `${JSON.stringify(ns)}: u${i}`);
      return `${imports.join('\n')}\nexport default {\n${entries.join(',\n')}\n};\n`;
    },
  };
}
