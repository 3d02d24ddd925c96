import { monoWav } from '../../../src/server/voices/mono-wav';

/**
 * A 16-bit mono WAV: `silenceMs` of silence, a sine tone of `toneMs`, silence again. What a coach
 * saying a line looks like to the converter (sound between quiet ends); also Chromium's fake
 * microphone file in the e2e (--use-file-for-fake-audio-capture).
 */
export function toneWav(opts: { toneMs?: number; silenceMs?: number; hz?: number; sampleRate?: number; amplitude?: number } = {}): Buffer {
  const { toneMs = 1200, silenceMs = 400, hz = 440, sampleRate = 48_000, amplitude = 0.3 } = opts;
  const silence = Math.round((silenceMs / 1000) * sampleRate);
  const tone = Math.round((toneMs / 1000) * sampleRate);
  const samples = silence * 2 + tone;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < tone; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * amplitude * 32767), (silence + i) * 2);
  return monoWav(data, sampleRate);
}
