/** Why the server cannot store or read right now, as the client is told (503 with Retry-After). */
export interface StorageUnavailable {
  error: 'database-unavailable' | 'storage-full';
  message: string;
  /** Seconds a client should wait before trying again. */
  retryAfter: number;
}

/** PostgreSQL SQLSTATEs of a database that is away, restarting or refusing connections (class 08, 57P0x). */
const pgAway = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08P01']);
/** PostgreSQL's own disk full and out of memory. */
const pgFull = new Set(['53100', '53200']);
const netAway = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres says a lost connection in words only. */
const pgAwayText = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery mode)/i;

function codes(error: unknown): { code?: string; message: string }[] {
  const found: { code?: string; message: string }[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') break;
    const o = e as { code?: unknown; message?: unknown; cause?: unknown };
    found.push({ code: typeof o.code === 'string' ? o.code : undefined, message: typeof o.message === 'string' ? o.message : '' });
    e = o.cause;
  }
  return found;
}

/**
 * Tells a passing storage fault (the database restarting or failing over, a full disk) from a bug:
 * the first is answered 503 with Retry-After, so headsets keep the result in their outbox and send
 * it again, and nothing is logged as a crash; anything else stays a 500.
 */
export function storageUnavailable(error: unknown): StorageUnavailable | null {
  for (const { code, message } of codes(error)) {
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code && pgFull.has(code)) || /database or disk is full|No space left on device/i.test(message)) {
      return { error: 'storage-full', message: 'the server cannot store right now (its disk is full); your result is kept on the device and sent again later', retryAfter: 60 };
    }
    if ((code && (pgAway.has(code) || netAway.has(code))) || code === 'SQLITE_BUSY' || pgAwayText.test(message)) {
      return { error: 'database-unavailable', message: 'the database is not reachable right now; try again shortly (results are kept on the device)', retryAfter: 5 };
    }
  }
  return null;
}
