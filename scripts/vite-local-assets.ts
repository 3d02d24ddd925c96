import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Copies assets/audio, assets/pictograms and assets/stations (the station tiles' pictures) into the
 * build (and serves them in dev) under /audio/, /pictograms/ and /stations/: they are fetched by URL when needed, never imported into the JavaScript, so a
 * station's first frame does not wait for 9 MB of speech. Replacing a file (a human recording, a
 * redrawn pictogram) needs no code change.
 */
const folders = ['audio', 'pictograms', 'stations'] as const;
const types: Record<string, string> = { '.ogg': 'audio/ogg', '.json': 'application/json', '.svg': 'image/svg+xml' };

function root(): string {
  return join(dirname(new URL(import.meta.url).pathname), '..', 'assets');
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export function localAssetsPlugin(): Plugin {
  return {
    name: 'werkvloer-local-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent(req.url?.split('?')[0] ?? '');
        const folder = folders.find((f) => url.startsWith(`/${f}/`));
        if (!folder || url.includes('..')) return next();
        const path = join(root(), url.slice(1));
        if (!existsSync(path) || !statSync(path).isFile()) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', types[extname(path)] ?? 'application/octet-stream');
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const folder of folders) {
        for (const path of files(join(root(), folder))) {
          this.emitFile({ type: 'asset', fileName: relative(root(), path).split(sep).join('/'), source: readFileSync(path) });
        }
      }
    },
  };
}
