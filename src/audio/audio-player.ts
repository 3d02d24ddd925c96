import { audioSettings } from './audio-settings';
import type { AudioManifest } from './spoken-keys';
import { recordedFiles } from './recorded-voices';
import { generatedFileUrl, manifestUrl } from './audio-offline';
import { readTrainee } from '../results/trainee-identity';

/**
 * Plays the recorded text of a key in the trainee's language. The manifest of a language is
 * fetched the first time that language speaks (never bundled); a key without a file (Tigrinya, a
 * text with a value in it) is silent and the caption carries it. A new request cuts off what is
 * playing: the trainee hears the current step, not a backlog.
 */
const manifests = new Map<string, Promise<AudioManifest | null>>();
let context: AudioContext | null = null;
let output: GainNode | null = null;
let playing: AudioBufferSourceNode | null = null;
let generation = 0;

/** Keys played as `lng:ns:key`, newest last (bounded); tests read them as `window.__werkvloerSpoken`. */
export const playedKeys: string[] = [];
/** The file each of them was played from, in the same order (`window.__werkvloerSpokenFiles`). */
export const playedFiles: string[] = [];
declare global {
  interface Window {
    __werkvloerSpoken?: readonly string[];
    __werkvloerSpokenFiles?: readonly string[];
  }
}
if (typeof window !== 'undefined') {
  window.__werkvloerSpoken = playedKeys;
  window.__werkvloerSpokenFiles = playedFiles;
}


/** Whose manifest: the recordings are the signed-in trainee's organisation's ("next trainee" may be another's). */
export function manifestId(lng: string): string {
  return `${lng} ${readTrainee()?.code ?? ''}`;
}

/** A language's manifest, fetched once: which keys have a recording (src/audio/audio-availability.ts asks it too). */
export function manifest(lng: string): Promise<AudioManifest | null> {
  const id = manifestId(lng);
  let m = manifests.get(id);
  if (!m) {
    const generated = fetch(manifestUrl(lng))
      .then((r) => (r.ok ? (r.json() as Promise<AudioManifest>) : null))
      .catch(() => null);
    // The centre's recordings (issue 30) win over the generated voice. Imported statically: this module
    // is itself loaded after the first frame, and a lazy chunk of its own would add its name to the
    // entry chunk's preload map (bytes before the first frame, which is at its budget).
    const recorded = recordedFiles(lng).catch(() => ({}));
    m = Promise.all([generated, recorded]).then(([g, r]) => (g || Object.keys(r).length > 0 ? { language: lng, voice: g?.voice ?? null, files: { ...g?.files, ...r } } : null));
    manifests.set(id, m);
  }
  return m;
}

function applySettings(): void {
  if (!output) return;
  const { volume, mono } = audioSettings.getState();
  output.gain.value = volume;
  // One channel, explicitly: the browser mixes left and right together, then feeds both ears.
  output.channelCount = mono ? 1 : 2;
  output.channelCountMode = mono ? 'explicit' : 'max';
  output.channelInterpretation = 'speakers';
}

function graph(): { ctx: AudioContext; out: GainNode } | null {
  if (typeof AudioContext === 'undefined') return null;
  if (!context) {
    context = new AudioContext();
    output = context.createGain();
    output.connect(context.destination);
    applySettings();
    audioSettings.subscribe(applySettings);
  }
  return { ctx: context, out: output! };
}

export function stopSpeaking(): void {
  generation++;
  try {
    playing?.stop();
  } catch {
    // Already ended.
  }
  playing = null;
}

/** A key spoken in a language of its own (a listening step's instruction: Dutch, whatever the trainee's language). */
export interface SpokenLine {
  key: string;
  lng: string;
}

/** Speaks these keys one after another (e.g. feedback, then the next instruction); a plain key is in `lng`. */
export async function speak(trainee: string, lines: readonly (string | SpokenLine)[]): Promise<void> {
  stopSpeaking();
  const mine = generation;
  const g = graph();
  if (!g || lines.length === 0) return;
  if (g.ctx.state === 'suspended') await g.ctx.resume().catch(() => undefined);
  for (const line of lines) {
    const { key, lng } = typeof line === 'string' ? { key: line, lng: trainee } : line;
    const m = await manifest(lng);
    const entry = m?.files[key];
    if (!entry || mine !== generation) continue;
    try {
      // A recording's file is a path of its own (/voices/<id>.ogg); a generated one is inside the language's folder.
      const url = entry.file.startsWith('/') ? entry.file : generatedFileUrl(lng, entry);
      const data = await (await fetch(url)).arrayBuffer();
      const buffer = await g.ctx.decodeAudioData(data);
      if (mine !== generation) return;
      const source = g.ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(g.out);
      playing = source;
      playedKeys.push(`${lng}:${key}`);
      playedFiles.push(url);
      if (playedKeys.length > 50) playedKeys.shift();
      if (playedFiles.length > 50) playedFiles.shift();
      await new Promise<void>((resolve) => {
        source.onended = () => resolve();
        source.start();
      });
    } catch (error) {
      // A broken or missing file must not stop the session: the caption is on screen.
      console.warn('werkvloer: could not play', key, error);
    }
  }
}
