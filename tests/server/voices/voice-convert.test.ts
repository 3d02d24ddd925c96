import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { convertRecording, VoiceConvertError } from '../../../src/server/voices/voice-convert';
import { toneWav } from '../support/tone-wav';

/** Loudness of an Ogg/Opus file as RMS in dBFS, decoded by ffmpeg. */
function rmsDb(ogg: Buffer): number {
  const pcm = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-f', 's16le', '-ac', '1', '-ar', '48000', 'pipe:1'], { input: ogg, maxBuffer: 64 * 1024 * 1024 }).stdout;
  let sum = 0;
  for (let i = 0; i < pcm.length; i += 2) sum += (pcm.readInt16LE(i) / 32768) ** 2;
  return 10 * Math.log10(sum / (pcm.length / 2));
}

describe('converting what a browser recorded', () => {
  test('silence is trimmed from both ends and a whisper and a shout come out equally loud', async () => {
    const quiet = await convertRecording(toneWav({ toneMs: 1500, silenceMs: 800, amplitude: 0.03 }));
    const loud = await convertRecording(toneWav({ toneMs: 1500, silenceMs: 800, amplitude: 0.7 }));
    for (const r of [quiet, loud]) {
      expect(r.durationMs).toBeGreaterThan(1400);
      expect(r.durationMs).toBeLessThan(1700);
    }
    // 27 dB apart going in; within 2 dB coming out.
    expect(Math.abs(rmsDb(quiet.ogg) - rmsDb(loud.ogg))).toBeLessThan(2);
  });

  test('the same take gives the same bytes, in the generated audio’s format (mono Ogg/Opus)', async () => {
    const input = toneWav({ hz: 300 });
    const a = await convertRecording(input);
    const b = await convertRecording(input);
    expect(a.ogg.equals(b.ogg)).toBe(true);
    expect(a.ogg.subarray(0, 4).toString('ascii')).toBe('OggS');
    const head = a.ogg.indexOf('OpusHead');
    expect(a.ogg[head + 9]).toBe(1);
    // 16 kbit/s speech: well under 4 KB a second.
    expect(a.ogg.length / (a.durationMs / 1000)).toBeLessThan(4000);
  });

  test('what is not audio, or nothing but silence, is refused with its reason', async () => {
    await expect(convertRecording(Buffer.from('not audio'))).rejects.toMatchObject({ code: 'unreadable-audio' });
    const silent = convertRecording(toneWav({ toneMs: 0, silenceMs: 2000 }));
    await expect(silent).rejects.toBeInstanceOf(VoiceConvertError);
    await expect(silent).rejects.toMatchObject({ code: 'recording-silent' });
  });
});
