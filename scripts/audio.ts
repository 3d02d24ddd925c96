/**
 * npm run audio: speaks every spoken text (src/audio/spoken-keys.ts) in every language that has a
 * voice, with espeak-ng, encoded as small mono Ogg/Opus by opusenc, into
 * assets/audio/<lng>/<namespace>/<key>.ogg plus assets/audio/<lng>/manifest.json, which records per
 * file the sha256 of the exact text it speaks and the voice. Only files whose text changed (or that
 * are missing) are made again; a file whose voice is not espeak-ng (a human recording) is kept while
 * its text is unchanged. Output is deterministic (fixed Ogg serial, no padding), so an unchanged run
 * changes no byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { audioFileName, dutchTerms, lookup, spokenKeys, type AudioManifest, type SpokenScenario } from '../src/audio/spoken-keys';
import { opusEncArgs } from '../src/audio/opus-format';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const audioRoot = join(root, 'assets', 'audio');
/** Speaking rate (words per minute): a little slower than espeak's 175 for listeners learning the job. */
const speed = 145;

interface LanguageMeta {
  code: string;
  voice: string | null;
}

function ensureTool(binary: string, debPackage: string): void {
  if (spawnSync('which', [binary]).status === 0) return;
  if (process.getuid?.() === 0) {
    console.log(`audio: installing ${debPackage} with apt-get`);
    const r = spawnSync('apt-get', ['install', '-y', debPackage], { stdio: 'inherit' });
    if (r.status === 0) return;
  }
  console.error(`audio: ${binary} is missing. Install it with:\n  sudo apt-get install -y ${debPackage}`);
  process.exit(1);
}

function findScenarios(dir: string, out: SpokenScenario[] = []): SpokenScenario[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findScenarios(path, out);
    else if (entry.name === 'scenario.json') out.push(JSON.parse(readFileSync(path, 'utf8')) as SpokenScenario);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** The text of `ns:key` in this language's own file (no fallback: Dutch text must not get a French voice). */
function textOf(lng: string, nsKey: string, cache: Map<string, unknown>): string | undefined {
  const at = nsKey.indexOf(':');
  const ns = nsKey.slice(0, at);
  const file = join(root, 'locales', lng, `${ns}.json`);
  if (!cache.has(file)) cache.set(file, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
  const text = lookup(cache.get(file), nsKey.slice(at + 1));
  return text && !text.includes('{{') ? text : undefined;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function speak(voice: string, text: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    mkdirSync(dirname(out), { recursive: true });
    // The text goes on stdin, never on the command line: no quoting, no option injection.
    const espeak = spawn('espeak-ng', ['-v', voice, '-s', String(speed), '--stdin', '--stdout'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const opus = spawn('opusenc', [...opusEncArgs, '-', out], { stdio: ['pipe', 'inherit', 'inherit'] });
    espeak.stdout.pipe(opus.stdin);
    espeak.stdin.end(text);
    opus.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`opusenc failed (${code}) for ${out}`))));
    espeak.on('error', reject);
    opus.on('error', reject);
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const meta = (JSON.parse(readFileSync(join(root, 'locales', 'languages.json'), 'utf8')) as { languages: LanguageMeta[] }).languages;
  const scenarios = findScenarios(join(root, 'scenes'));
  const feedback = Object.keys(JSON.parse(readFileSync(join(root, 'locales', 'nl', 'feedback.json'), 'utf8')) as object);
  const keys = spokenKeys(scenarios, feedback);
  // The Dutch words of the job, spoken in Dutch only: heard on a tap whatever the trainee's language.
  const terms = dutchTerms(scenarios);
  if (meta.some((l) => l.voice)) {
    ensureTool('espeak-ng', 'espeak-ng');
    ensureTool('opusenc', 'opus-tools');
  }
  const cache = new Map<string, unknown>();
  const jobs: (() => Promise<void>)[] = [];
  let made = 0;
  let kept = 0;
  for (const lng of meta) {
    const dir = join(audioRoot, lng.code);
    const manifestPath = join(dir, 'manifest.json');
    const old: AudioManifest | undefined = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;
    const manifest: AudioManifest = { language: lng.code, voice: lng.voice ? `espeak-ng ${lng.voice}` : null, files: {} };
    if (lng.voice) {
      for (const key of lng.code === 'nl' ? [...keys, ...terms.keys()] : keys) {
        const text = terms.get(key) ?? textOf(lng.code, key, cache);
        if (text === undefined) continue;
        const file = audioFileName(key);
        const hash = sha256(text);
        const before = old?.files[key];
        const fresh = before && before.sha256 === hash && existsSync(join(dir, before.file));
        // Human recordings (any other voice) stay while their text is unchanged; so do fresh espeak files.
        if (fresh && (before.voice !== manifest.voice ? true : before.file === file)) {
          manifest.files[key] = before;
          kept++;
          continue;
        }
        manifest.files[key] = { file, sha256: hash, voice: manifest.voice! };
        const voice = lng.voice;
        jobs.push(async () => {
          await speak(voice, text, join(dir, file));
          made++;
        });
      }
    }
    // Files no manifest entry names any more (a key removed or renamed) are deleted.
    const named = new Set(Object.values(manifest.files).map((f) => f.file));
    for (const f of old ? Object.values(old.files) : []) if (!named.has(f.file)) rmSync(join(dir, f.file), { force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const workers = Math.max(1, Math.min(4, cpus().length));
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  let bytes = 0;
  for (const lng of meta) {
    const manifestPath = join(audioRoot, lng.code, 'manifest.json');
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as AudioManifest;
    for (const f of Object.values(m.files)) bytes += readFileSync(join(audioRoot, lng.code, f.file)).length;
  }
  console.log(`audio: ${made} made, ${kept} unchanged, ${keys.length} spoken keys and ${terms.size} Dutch words, ${(bytes / 1024).toFixed(0)} KB in total, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
