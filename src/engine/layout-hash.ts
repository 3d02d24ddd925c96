import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './hash';
import type { Layout } from './layout-schema';

/**
 * The station layout's version as a session's poses carry it: sha-256 (hex) of the canonical JSON of
 * the validated layout.json (authors' comments left out), so a replay can tell whether it draws what
 * the trainee saw. What a station.tsx adds by hand is not in it.
 */
export function layoutHash(layout: Layout): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(layout))));
}
