import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { sessionBody } from './test-app';

/**
 * The real server process killed with SIGKILL again and again while headsets upload: every session
 * it acknowledged (201, or 200 for a retry) must be in the database after the restart, and the
 * database must pass SQLite's integrity check. WAL with synchronous=FULL is what makes this hold.
 */
const rounds = 4;
const concurrency = 12;

describe('the server killed during uploads (SQLite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-crash-'));
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${rounds} SIGKILLs under ${concurrency} concurrent uploaders lose no acknowledged session`, async () => {
    const acknowledged = new Set<string>();
    let attempts = 0;
    let cutOff = 0;
    for (let round = 0; round < rounds; round++) {
      server = await startServerProcess({ DATA_DIR: dataDir });
      const url = `${server.url}/api/sessions`;
      let killed = false;
      // Kill after a different number of acknowledgements each round, mid-stream.
      const killAfter = acknowledged.size + 40 + round * 25;
      const uploader = async () => {
        while (!killed) {
          const id = crypto.randomUUID();
          attempts++;
          try {
            const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sessionBody({ id })) });
            if (res.status === 201 || res.status === 200) acknowledged.add(id);
            else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          } catch (error) {
            // Requests in flight when the process dies fail: not acknowledged, so the headset keeps them.
            if (!killed) throw error;
            cutOff++;
          }
          if (!killed && acknowledged.size >= killAfter) {
            killed = true;
            await server!.kill();
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, uploader));

      const file = new SQLite(join(dataDir, 'werkvloer.sqlite'));
      try {
        expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = new Set((file.prepare('select id from sessions').all() as { id: string }[]).map((r) => r.id));
        const lost = [...acknowledged].filter((id) => !stored.has(id));
        expect(lost, `round ${round}: acknowledged but lost`).toEqual([]);
      } finally {
        file.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(40 * rounds);
    expect(attempts).toBeGreaterThan(acknowledged.size - 1);
    // The kills hit requests in flight, not an idle server.
    expect(cutOff).toBeGreaterThan(0);

    // A last start: a retry of an acknowledged session is answered as the same session.
    server = await startServerProcess({ DATA_DIR: dataDir });
    const first = [...acknowledged][0]!;
    const retry = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sessionBody({ id: first })) });
    expect(retry.status).toBe(200);
    expect((await retry.json()).duplicate).toBe(true);
  }, 180_000);
});
