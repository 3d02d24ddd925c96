import { resolve } from 'node:path';
import { build, type LogLevel, type Plugin } from 'vite';

/** Set while the replay page is built: vite.config.ts then builds replay.html alone (see below). */
export const replayBuildFlag = 'WERKVLOER_REPLAY_PAGE_BUILD';
export const isReplayPageBuild = () => process.env[replayBuildFlag] === '1';

/**
 * Builds replay.html (issue 28) in a build of its own, after the app's, into the same folder. As a third
 * input of the app's build it shared the station kit, the engine and React with the trainee app, and
 * the bundler re-cut the trainee's chunks around them: 6 KB gzip more before the first VR frame. Its
 * own build duplicates what it needs and leaves the trainee's and the dashboard's chunks as they were.
 */
export function replayPagePlugin(configFile: string): Plugin {
  let mode = 'production';
  let logLevel: LogLevel = 'warn';
  let outDir = '';
  return {
    name: 'werkvloer-replay-page',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
      logLevel = config.logLevel ?? 'warn';
      // Where this build wrote, also when a caller (the bench) set another folder than the config's.
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      // After the app's own closing work (the service worker's precache list): the replay's files are not in it.
      order: 'post',
      sequential: true,
      async handler() {
        if (isReplayPageBuild() || this.meta.watchMode) return;
        process.env[replayBuildFlag] = '1';
        try {
          await build({ configFile: resolve(configFile), mode, logLevel, build: { outDir } });
        } finally {
          delete process.env[replayBuildFlag];
        }
      },
    },
  };
}
