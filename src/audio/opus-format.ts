/**
 * The one encoding of every spoken file, generated (scripts/audio.ts) or recorded by a centre
 * (src/server/voices/voice-convert.ts): small mono Ogg/Opus from opusenc, with a fixed serial and no
 * padding so the same sound always gives the same bytes.
 */
export const opusEncArgs = ['--quiet', '--bitrate', '16', '--speech', '--downmix-mono', '--serial', '1', '--padding', '0', '--comp', '10'] as const;
