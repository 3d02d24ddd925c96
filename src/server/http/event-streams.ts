import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';

/** One open server-sent event stream: its response, and what to undo when it ends. */
export interface EventStream {
  res: ServerResponse;
  /** Runs `fn` when the stream ends (the browser left, or the server closes); at once if it has. */
  onEnd(fn: () => void): void;
}

export interface EventStreamOptions {
  /** Comment lines that keep an idle stream open through proxies (default 25 s). */
  heartbeatMs?: number | undefined;
  /** Work done with each heartbeat (forgetting attempts nobody reported for a while). */
  onHeartbeat?: () => void;
}

/**
 * The server-sent event streams of one group of routes (the sessions list's, the live class's). An
 * open stream never ends by itself: a closing server ends them all, or close() would wait forever.
 */
export function eventStreams(app: FastifyInstance) {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const stop of [...open]) stop();
  });
  return {
    /** Takes the reply over and opens the stream, unbuffered by proxies; ended when the browser leaves. */
    open(request: FastifyRequest, reply: FastifyReply, opts: EventStreamOptions = {}): EventStream {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      const undo: (() => void)[] = [];
      let ended = false;
      const heartbeat = setInterval(() => {
        opts.onHeartbeat?.();
        if (!res.writableEnded) res.write(': keep-alive\n\n');
      }, opts.heartbeatMs ?? 25_000);
      heartbeat.unref();
      const stop = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        for (const fn of undo.splice(0)) fn();
        open.delete(stop);
        if (!res.writableEnded) res.end();
      };
      open.add(stop);
      request.raw.on('close', stop);
      res.on('close', stop);
      return {
        res,
        onEnd(fn) {
          if (ended) fn();
          else undo.push(fn);
        },
      };
    },
  };
}
