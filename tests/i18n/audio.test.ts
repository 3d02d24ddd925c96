import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { languages as metadata } from '../../locales/languages.json';
import { audioFileName, dutchTerms, spokenKeys, termKey, type AudioManifest, type SpokenScenario } from '../../src/audio/spoken-keys';

const root = join(__dirname, '..', '..');
const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

function scenarios(dir = join(root, 'scenes'), out: SpokenScenario[] = []): SpokenScenario[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) scenarios(p, out);
    else if (name === 'scenario.json') out.push(JSON.parse(readFileSync(p, 'utf8')));
  }
  return out;
}

function text(lng: string, nsKey: string): string | undefined {
  const [ns, key] = [nsKey.slice(0, nsKey.indexOf(':')), nsKey.slice(nsKey.indexOf(':') + 1)];
  const file = join(root, 'locales', lng, `${ns}.json`);
  if (!existsSync(file)) return undefined;
  let node: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' && !node.includes('{{') ? node : undefined;
}

const feedbackKeys = Object.keys(JSON.parse(readFileSync(join(root, 'locales/nl/feedback.json'), 'utf8')));
const keys = spokenKeys(scenarios(), feedbackKeys);
const terms = dutchTerms(scenarios());

describe('spoken instructions and feedback (npm run audio)', () => {
  test('the spoken keys: every step instruction and hint, every rule message, all feedback, the end prompts', () => {
    expect(keys).toContain('wood-intro-workbench:steps.wear-glasses.instruction');
    expect(keys).toContain('wood-intro-workbench:steps.wear-glasses.hint');
    expect(keys).toContain('wood-intro-workbench:rules.start-without-glasses');
    expect(keys).toContain('feedback:step-completed');
    expect(keys).toContain('ui:result.passed');
    expect(keys.filter((k) => k.startsWith('feedback:'))).toHaveLength(feedbackKeys.length);
  });

  test('every Dutch word of every station is spoken under a key of its own, as a safe file name', () => {
    const all = scenarios().flatMap((s) => (s.objects ?? []).map((o) => o.term.trim()));
    expect(all.length).toBeGreaterThan(100);
    for (const term of all) {
      expect(terms.get(termKey(term))).toBe(term);
      expect(audioFileName(termKey(term))).toMatch(/^terms\/[a-z0-9]+(-[a-z0-9]+)*\.ogg$/);
    }
    // Two different words never share a key (one would speak the other's sound).
    expect(new Set(all).size).toBe(terms.size);
    expect(termKey('Goedgekeurd (OK)')).toBe('terms:goedgekeurd-ok');
    expect(termKey('reserve-actuator')).toBe('terms:reserve-actuator');
    expect(termKey('één')).toBe('terms:een');
  });

  test('only Tigrinya has no voice; Dari speaks through Persian and is marked as a stand-in', () => {
    expect(metadata.filter((l) => !l.voice).map((l) => l.code)).toEqual(['ti']);
    const prs = metadata.find((l) => l.code === 'prs') as { voice: string; voiceStandIn?: boolean };
    expect(prs.voice).toBe('fa');
    expect(prs.voiceStandIn).toBe(true);
  });

  for (const lng of metadata) {
    test(`${lng.code}: every spoken text has a file that speaks exactly that text`, () => {
      const manifest = JSON.parse(readFileSync(join(root, 'assets/audio', lng.code, 'manifest.json'), 'utf8')) as AudioManifest;
      expect(manifest.language).toBe(lng.code);
      expect(manifest.voice).toBe(lng.voice ? `espeak-ng ${lng.voice}` : null);
      let covered = 0;
      const problems: string[] = [];
      // Dutch holds the words of the job too (heard on a tap in every language); no other language has them.
      const expected = lng.code === 'nl' ? [...keys, ...terms.keys()] : keys;
      for (const key of expected) {
        const t = terms.get(key) ?? text(lng.code, key);
        const entry = manifest.files[key];
        if (!lng.voice || t === undefined) {
          if (entry) problems.push(`${key}: a file but no text or no voice`);
          continue;
        }
        if (!entry) problems.push(`${key}: no audio (run npm run audio)`);
        else if (entry.sha256 !== sha(t)) problems.push(`${key}: stale audio, the text changed (run npm run audio)`);
        else if (!existsSync(join(root, 'assets/audio', lng.code, entry.file))) problems.push(`${key}: ${entry.file} is missing`);
        else covered++;
      }
      expect(problems).toEqual([]);
      // Entries for keys nobody speaks any more would be dead weight in the build.
      expect(Object.keys(manifest.files).filter((k) => !expected.includes(k))).toEqual([]);
      if (lng.voice) expect(covered).toBeGreaterThan(feedbackKeys.length);
      else expect(covered).toBe(0);
    });
  }

  test('files are small mono Ogg/Opus named after their key', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'assets/audio/nl/manifest.json'), 'utf8')) as AudioManifest;
    for (const [key, entry] of Object.entries(manifest.files)) {
      if (!entry.voice.startsWith('espeak-ng')) continue;
      expect(entry.file).toBe(audioFileName(key));
      const bytes = readFileSync(join(root, 'assets/audio/nl', entry.file));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
      expect(bytes.subarray(28, 36).toString('latin1')).toBe('OpusHead');
      expect(bytes[37]).toBe(1); // channel count: mono
      expect(bytes.length).toBeLessThan(40_000);
    }
  });

  test('a changed text is detected as stale', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'assets/audio/nl/manifest.json'), 'utf8')) as AudioManifest;
    const key = 'feedback:step-completed';
    expect(manifest.files[key]!.sha256).toBe(sha(text('nl', key)!));
    expect(manifest.files[key]!.sha256).not.toBe(sha(`${text('nl', key)!}!`));
  });
});
