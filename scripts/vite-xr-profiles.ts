import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves the WebXR controller and hand profiles from our own origin. @react-three/xr loads
 * them from a CDN by default; offline that fetch fails and the controller is silently never
 * created (RECIPES.md). Only the profiles a Quest and the emulator need are shipped.
 */
export const xrProfileIds = [
  'meta-quest-touch-plus',
  'meta-quest-touch-pro',
  'oculus-touch-v3',
  'oculus-touch-v2',
  'generic-trigger-squeeze-thumbstick',
  'generic-hand',
] as const;

export const xrProfilesBase = 'xr-profiles';

function profilesRoot(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@webxr-input-profiles/assets/package.json')), 'dist', 'profiles');
}

function profileFiles(): string[] {
  const root = profilesRoot();
  const files = ['profilesList.json'];
  for (const id of xrProfileIds) {
    for (const name of readdirSync(join(root, id))) {
      if (statSync(join(root, id, name)).isFile()) files.push(`${id}/${name}`);
    }
  }
  return files;
}

export function xrProfilesPlugin(): Plugin {
  return {
    name: 'werkvloer-xr-profiles',
    configureServer(server) {
      const root = profilesRoot();
      const allowed = new Set(profileFiles());
      server.middlewares.use((req, res, next) => {
        const prefix = `/${xrProfilesBase}/`;
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(prefix)) return next();
        const rel = url.slice(prefix.length);
        if (!allowed.has(rel)) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', rel.endsWith('.json') ? 'application/json' : 'model/gltf-binary');
        res.end(readFileSync(join(root, rel)));
      });
    },
    generateBundle() {
      const root = profilesRoot();
      for (const rel of profileFiles()) {
        this.emitFile({ type: 'asset', fileName: `${xrProfilesBase}/${rel}`, source: readFileSync(join(root, rel)) });
      }
    },
  };
}
