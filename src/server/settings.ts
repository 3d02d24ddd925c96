import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { proxyEntryProblem } from './http/trusted-proxies';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const port = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (v === 'off') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a port number 0–65535${name === 'HTTPS_PORT' ? ' or "off"' : ''} (0 = any free port), not "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port('PORT', 8080),
  HTTPS_PORT: port('HTTPS_PORT', 8443),
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  SCENES_DIR: z.string().min(1).optional(),
  // The texts centre recordings are checked against (stale when changed); the repository's locales/ by default.
  LOCALES_DIR: z.string().min(1).optional(),
  STATIC_DIR: z.string().min(1).optional(),
  NO_QR: z.string().optional(),
  LOG: z.enum(['on', 'off']).default('off'),
  // On a centre's server a trainee signs in before playing; "on" lets anyone practise without (docs: README, Settings).
  ANONYMOUS_PRACTICE: z.enum(['on', 'off'], { message: 'ANONYMOUS_PRACTICE must be "on" (anyone may practise without signing in) or "off" (sign in first)' }).default('off'),
  // Comma-separated addresses or CIDR ranges of reverse proxies; empty: no X-Forwarded-* header counts.
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const entries = (v ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
      for (const entry of entries) {
        const problem = proxyEntryProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: `TRUSTED_PROXIES: ${problem}` });
      }
      return entries;
    }),
  RETENTION_DAYS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '' || v === 'off') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 36_500) {
        ctx.addIssue({ code: 'custom', message: `RETENTION_DAYS must be a whole number of days 1–36500 or "off", not "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  // Head-and-hands poses (issue 28) identify people more than scores do: 90 days unless told.
  POSE_RETENTION_DAYS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 90;
      if (v === 'off') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 36_500) {
        ctx.addIssue({ code: 'custom', message: `POSE_RETENTION_DAYS must be a whole number of days 1–36500 or "off", not "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  PUBLIC_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      const problem = publicUrlProblem(v);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `PUBLIC_URL ${problem}, not "${v}"` });
        return z.NEVER;
      }
      return v.replace(/\/+$/, '');
    }),
  SERVER_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^[0-9a-fA-F]{64,}$/.test(v), 'SERVER_SECRET must be at least 64 hex characters (32 random bytes, e.g. `openssl rand -hex 32`)'),
});

/** An http(s) address without query, fragment or credentials: the start of every IRI this server names. */
function publicUrlProblem(v: string): string | null {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'must be an address such as https://werkvloer.example.org';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// or http://';
  if (url.search || url.hash || v.includes('?') || v.includes('#')) return 'must not have a query (?…) or fragment (#…)';
  if (url.username || url.password) return 'must not hold a user name or password';
  return null;
}

export interface Settings {
  host: string;
  httpPort: number | null;
  httpsPort: number | null;
  dataDir: string;
  databaseUrl: string | undefined;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  scenesDir: string;
  localesDir: string;
  staticDir: string;
  printQr: boolean;
  log: boolean;
  /** Sessions are deleted this many days after they arrived; null keeps them (RETENTION_DAYS). */
  retentionDays: number | null;
  /** A session's poses are deleted this many days after it arrived (or with the session, if sooner); null: with the session (POSE_RETENTION_DAYS). */
  poseRetentionDays: number | null;
  /** ANONYMOUS_PRACTICE=on: on a centre's server, trainees may also practise without signing in. */
  anonymousPractice: boolean;
  /** TRUSTED_PROXIES: peers whose X-Forwarded-Proto/-For/-Host are believed. */
  trustedProxies: string[];
  /**
   * The address the centre publishes (PUBLIC_URL): xAPI identifiers and passports are built from it,
   * never from the Host a request came in on. null: a stable address per organisation (src/server/xapi/identifiers.ts).
   */
  publicUrl: string | null;
  /** Encrypts stored credentials (LRS passwords); null: a random one kept in DATA_DIR (src/server/auth/server-secret.ts). */
  serverSecret: string | null;
}

/** Reads the settings from the environment; a bad value stops the start with the variable named. */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    httpPort: e.PORT,
    httpsPort: e.HTTPS_PORT,
    dataDir: resolve(e.DATA_DIR ?? join(repoRoot, 'data')),
    databaseUrl: e.DATABASE_URL,
    tlsCert: e.TLS_CERT,
    tlsKey: e.TLS_KEY,
    scenesDir: resolve(e.SCENES_DIR ?? join(repoRoot, 'scenes')),
    localesDir: resolve(e.LOCALES_DIR ?? join(repoRoot, 'locales')),
    staticDir: resolve(e.STATIC_DIR ?? join(repoRoot, 'dist/app')),
    printQr: !e.NO_QR,
    log: e.LOG === 'on',
    retentionDays: e.RETENTION_DAYS,
    poseRetentionDays: e.POSE_RETENTION_DAYS,
    anonymousPractice: e.ANONYMOUS_PRACTICE === 'on',
    trustedProxies: e.TRUSTED_PROXIES,
    publicUrl: e.PUBLIC_URL,
    serverSecret: e.SERVER_SECRET ? e.SERVER_SECRET : null,
  };
}
