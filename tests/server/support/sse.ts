import type { FastifyInstance } from 'fastify';

export interface SseStream {
  status: number;
  /** Every `event:` name and its parsed data received so far. */
  events: { event: string; data: unknown }[];
  /** Resolves once `count` events (of any name) have arrived. */
  waitFor(count: number): Promise<void>;
  close(): void;
}

/** Opens a server-sent events route through inject with a streamed body (it never ends by itself). */
export async function openSse(app: FastifyInstance, url: string, headers: Record<string, string>): Promise<SseStream> {
  const res = await app.inject({ method: 'GET', url, headers, payloadAsStream: true });
  const events: SseStream['events'] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  let buffer = '';
  const stream = res.stream();
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name && data !== undefined) events.push({ event: name, data: JSON.parse(data) as unknown });
    }
    for (const w of waiters.filter((w) => events.length >= w.count)) w.resolve();
  });
  return {
    status: res.statusCode,
    events,
    waitFor: (count) => (events.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () => stream.destroy(),
  };
}
