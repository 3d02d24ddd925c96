import { spawn } from 'node:child_process';
import { opusEncArgs } from '../../audio/opus-format';
import { monoWav } from './mono-wav';

/** A recording the server cannot use, with the reason named for the coach. */
export class VoiceConvertError extends Error {
  constructor(
    readonly code: 'converter-missing' | 'unreadable-audio' | 'recording-silent' | 'recording-too-long',
    message: string,
  ) {
    super(message);
  }
}

const sampleRate = 48_000;
/** Longer than any instruction needs; a forgotten "stop" must not store minutes of room noise. */
export const maxRecordingMs = 60_000;
/** Shorter than this after trimming: nothing was said. */
const minSpeechMs = 200;
/**
 * Silence (below -45 dBFS) is cut from both ends (the coach's click on "stop" and the wait before
 * speaking), then EBU R128 loudness is brought to -18 LUFS with peaks under -1.5 dBTP, near what the
 * generated espeak-ng lines sound like, so a recorded line is neither louder nor softer than the next.
 */
const filters = [
  'silenceremove=start_periods=1:start_threshold=-45dB:start_silence=0.05',
  'areverse',
  'silenceremove=start_periods=1:start_threshold=-45dB:start_silence=0.05',
  'areverse',
  'loudnorm=I=-18:TP=-1.5:LRA=11',
].join(',');

function run(binary: string, args: readonly string[], input: Buffer, timeoutMs: number): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-2000)));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: err });
    });
    // A converter that exits early (unreadable input) closes its stdin: that is its answer, not ours to throw.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/**
 * What a browser recorded (WebM or Ogg Opus from MediaRecorder, WAV, MP4/AAC) → trimmed, loudness
 * normalised, mono Ogg/Opus encoded exactly as the generated audio (src/audio/opus-format.ts).
 * ffmpeg decodes and filters; opusenc encodes.
 */
export async function convertRecording(input: Buffer): Promise<{ ogg: Buffer; durationMs: number }> {
  let decoded;
  try {
    decoded = await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', 'pipe:0', '-vn', '-af', filters, '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', 'pipe:1'], input, 30_000);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new VoiceConvertError('converter-missing', 'the server cannot convert recordings: install ffmpeg (sudo apt-get install -y ffmpeg)');
    throw error;
  }
  if (decoded.code !== 0) throw new VoiceConvertError('unreadable-audio', `the recording could not be read as audio (${decoded.stderr.trim().split('\n').pop() ?? 'no detail'})`);
  const durationMs = Math.round((decoded.stdout.length / 2 / sampleRate) * 1000);
  if (durationMs < minSpeechMs) throw new VoiceConvertError('recording-silent', 'the recording is silent after trimming: check the microphone and speak after pressing record');
  if (durationMs > maxRecordingMs) throw new VoiceConvertError('recording-too-long', `the recording is ${(durationMs / 1000).toFixed(0)} s long after trimming; at most ${maxRecordingMs / 1000} s`);
  let encoded;
  try {
    encoded = await run('opusenc', [...opusEncArgs, '-', '-'], monoWav(decoded.stdout, sampleRate), 30_000);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new VoiceConvertError('converter-missing', 'the server cannot encode recordings: install opus-tools (sudo apt-get install -y opus-tools)');
    throw error;
  }
  if (encoded.code !== 0 || encoded.stdout.length === 0) throw new Error(`opusenc failed: ${encoded.stderr.trim()}`);
  return { ogg: encoded.stdout, durationMs };
}
