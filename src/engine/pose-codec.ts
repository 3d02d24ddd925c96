import { Inflate, deflateSync } from 'fflate';
import { poseTracks, type Pose, type PoseSample } from './pose-sample';

export { poseAt, poseTracks, type Pose, type PoseSample, type PoseTrack } from './pose-sample';

/**
 * Poses of a session (head and both hands or controllers, about 10 a second), quantised and packed
 * so a 10-minute session travels in well under 100 KB (docs/api.md, "Poses"). Pure: the headset
 * encodes, the server checks and keeps the text as sent, the replay decodes.
 *
 * Packed bytes (before deflate), every integer an unsigned LEB128 varint, signed ones zigzagged:
 *   count · count × Δt (ms, from the previous sample; the first from the session's start) ·
 *   count × mask (bit 0 head, 1 left, 2 right) · then per track present in a sample, column by column,
 *   Δ of each of 6 integers from the track's previous sample: x y z in 2 mm, qx qy qz × 1024 (the
 *   quaternion made w ≥ 0, so w is √(1 − x² − y² − z²) and is not sent).
 * Columns of small deltas are what deflate (raw, RFC 1951) packs best; base64 makes it JSON text.
 */

/** The 10 Hz the recorder aims at; a session longer than `maxPoseSamples` / 10 s keeps its first part. */
export const poseHz = 10;
export const maxPoseSamples = 100_000;
/** Position quantum (m) and quaternion scale. */
export const positionStep = 0.002;
export const quaternionScale = 1024;
/** The most a sample can take packed (5-byte varints throughout): bounds what inflating may produce. */
const maxSampleBytes = 5 + 1 + poseTracks.length * 6 * 5;
const maxPackedBytes = 5 + maxPoseSamples * maxSampleBytes;

class ByteWriter {
  private buf = new Uint8Array(4096);
  length = 0;
  uint(n: number) {
    if (this.length + 5 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    let v = n >>> 0;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }
  int(n: number) {
    this.uint(n >= 0 ? n * 2 : -n * 2 - 1);
  }
  bytes() {
    return this.buf.subarray(0, this.length);
  }
}

class ByteReader {
  at = 0;
  constructor(private readonly buf: Uint8Array) {}
  uint(): number {
    const buf = this.buf;
    if (this.at >= buf.length) throw new Error(`the pose data ends early (at byte ${this.at})`);
    // Most deltas are one byte: that path first (the server reads some 100,000 per 10 minutes).
    let b = buf[this.at++]!;
    if (b < 0x80) return b;
    let v = b & 0x7f;
    let scale = 0x80;
    for (let i = 1; i < 5; i++) {
      if (this.at >= buf.length) throw new Error(`the pose data ends early (at byte ${this.at})`);
      b = buf[this.at++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
    throw new Error(`a number in the pose data is too long (at byte ${this.at})`);
  }
}

/** The 6 integers of a pose: position in 2 mm steps, quaternion's x y z (normalised, w ≥ 0) × 1024. */
function quantise(pose: Pose): number[] {
  const [qx, qy, qz, qw] = pose.q;
  const len = Math.hypot(qx, qy, qz, qw) || 1;
  const sign = qw < 0 ? -1 : 1;
  return [
    ...pose.p.map((v) => Math.round(v / positionStep)),
    ...[qx, qy, qz].map((v) => Math.round(((v * sign) / len) * quaternionScale)),
  ];
}

function unquantise(v: readonly number[]): Pose {
  const [x, y, z] = [v[3]! / quaternionScale, v[4]! / quaternionScale, v[5]! / quaternionScale];
  const w = Math.sqrt(Math.max(0, 1 - x * x - y * y - z * z));
  const len = Math.hypot(x, y, z, w) || 1;
  return { p: [v[0]! * positionStep, v[1]! * positionStep, v[2]! * positionStep], q: [x / len, y / len, z / len, w / len] };
}

/** What a pose becomes after encoding and decoding: for comparisons (the recorded pose, as replayed). */
export function quantisedPose(pose: Pose): Pose {
  return unquantise(quantise(pose));
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('is not base64 (A–Z, a–z, 0–9, + and /, padded with = to a multiple of 4)');
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The words for data that unpacks beyond the bound, or is no deflate data: for an inflater passed in too. */
const tooLarge = `unpacks to more than ${maxPoseSamples} samples can take`;
export const posesTooLarge = tooLarge;
const notDeflate = 'is not deflate data (RFC 1951, raw)';
export const posesNotDeflate = notDeflate;

/** Samples (times rising, at most `maxPoseSamples`) → the base64 text a session record carries. */
export function encodePoses(samples: readonly PoseSample[]): string {
  const w = new ByteWriter();
  const list = samples.slice(0, maxPoseSamples);
  w.uint(list.length);
  let last = 0;
  for (const s of list) {
    const t = Math.max(last, Math.round(s.t));
    w.uint(t - last);
    last = t;
  }
  for (const s of list) w.uint(poseTracks.reduce((m, track, i) => (s[track] ? m | (1 << i) : m), 0));
  for (const track of poseTracks) {
    const q = list.flatMap((s) => (s[track] ? [quantise(s[track])] : []));
    for (let c = 0; c < 6; c++) {
      let prev = 0;
      for (const v of q) {
        w.int(v[c]! - prev);
        prev = v[c]!;
      }
    }
  }
  return toBase64(deflateSync(w.bytes(), { level: 9 }));
}

/** Inflates with a bound on the output, chunk by chunk: a small upload cannot unpack into a large one. */
function inflateBounded(packed: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) throw new RangeError(tooLarge);
    chunks.push(chunk);
  });
  try {
    inflate.push(packed, true);
  } catch (error) {
    if (error instanceof RangeError) throw new Error(error.message);
    throw new Error(notDeflate);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The packed columns, checked: times, masks, and per track its quantised values (6 per present sample). */
interface Columns {
  times: Float64Array;
  masks: Uint8Array;
  values: Int32Array[];
}

/** Raw inflate of at most `max` bytes out; throws an Error saying what is wrong. The server passes zlib's (native, some 4× faster). */
export type BoundedInflate = (packed: Uint8Array, max: number) => Uint8Array;

/** Base64 text to bytes, natively (the server's Buffer); null leaves the text to the checked decoder here. */
export type Base64Decode = (text: string) => Uint8Array | null;

/** Zigzag back to signed: 2n → n, 2n − 1 → −n (in floating point: a 5-byte varint passes 2³¹). */
const unzigzag = (u: number) => (u % 2 === 0 ? u / 2 : -(u + 1) / 2);

/**
 * Reads the packed columns with every check `decodePoses` makes. The server reads some 100,000
 * varints per 10 minutes of an upload, so the one-byte case (most deltas) is read inline and only a
 * longer number, or the end of the data, goes through `ByteReader.uint` (which says what is wrong).
 */
function readColumns(text: string, inflate: BoundedInflate, decode?: Base64Decode): Columns {
  const bytes = inflate(decode?.(text) ?? fromBase64(text), maxPackedBytes);
  const r = new ByteReader(bytes);
  const end = bytes.length;
  const count = r.uint();
  if (count > maxPoseSamples) throw new Error(`holds ${count} samples; at most ${maxPoseSamples}`);
  const times = new Float64Array(count);
  let t = 0;
  for (let i = 0; i < count; i++) {
    const b = r.at < end ? bytes[r.at]! : 0x80;
    if (b < 0x80) {
      r.at++;
      t += b;
    } else t += r.uint();
    times[i] = t;
  }
  const masks = new Uint8Array(count);
  const present = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    const b = r.at < end ? bytes[r.at]! : 0x80;
    let m: number;
    if (b < 0x80) {
      r.at++;
      m = b;
    } else m = r.uint();
    if (m > 7) throw new Error(`sample ${i} names a track that does not exist (mask ${m})`);
    masks[i] = m;
    present[0]! += m & 1;
    present[1]! += (m >> 1) & 1;
    present[2]! += (m >> 2) & 1;
  }
  const limit = 2 ** 30;
  const values = present.map((n) => {
    const v = new Int32Array(n * 6);
    // The position in a local while reading (the reader's own only for a long number).
    let at = r.at;
    for (let c = 0; c < 6; c++) {
      let prev = 0;
      for (let i = 0; i < n; i++) {
        const b = at < end ? bytes[at]! : 0x80;
        if (b < 0x80) {
          at++;
          // A one-byte zigzag: 0 1 2 3 … → 0 −1 1 −2 …
          prev += (b >>> 1) ^ -(b & 1);
        } else {
          r.at = at;
          prev += unzigzag(r.uint());
          at = r.at;
        }
        if (prev > limit || prev < -limit) throw new Error(`a pose value is out of range (at byte ${at})`);
        v[i * 6 + c] = prev;
      }
    }
    r.at = at;
    const most = quaternionScale ** 2 * 1.01;
    for (let i = 0; i < n; i++) {
      const x = v[i * 6 + 3]!, y = v[i * 6 + 4]!, z = v[i * 6 + 5]!;
      if (x * x + y * y + z * z > most) throw new Error(`the ${poseTracks[present.indexOf(n)] ?? 'track'}'s pose ${i} has a rotation that is not a unit quaternion`);
    }
    return v;
  });
  if (r.at !== bytes.length) throw new Error(`has ${bytes.length - r.at} bytes after the last sample`);
  return { times, masks, values };
}

/**
 * What the server needs of a record's poses: checked whole (the same checks as `decodePoses`), their
 * count and last time, without building a pose object per sample.
 */
export function poseSummary(text: string, inflate: BoundedInflate = inflateBounded, decode?: Base64Decode): { count: number; lastMs: number } {
  const { times } = readColumns(text, inflate, decode);
  return { count: times.length, lastMs: times.length > 0 ? times[times.length - 1]! : 0 };
}

/**
 * The base64 text back to samples; throws an Error whose message says what is wrong (the server
 * answers with it).
 */
export function decodePoses(text: string): PoseSample[] {
  const { times, masks, values } = readColumns(text, inflateBounded);
  const samples: PoseSample[] = Array.from(times, (t) => ({ t, head: null, left: null, right: null }));
  poseTracks.forEach((track, k) => {
    const v = values[k]!;
    let n = 0;
    samples.forEach((s, i) => {
      if (!(masks[i]! & (1 << k))) return;
      s[track] = unquantise(Array.from(v.subarray(n * 6, n * 6 + 6)));
      n++;
    });
  });
  return samples;
}
