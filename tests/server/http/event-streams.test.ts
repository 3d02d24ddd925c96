import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { eventStreams } from '../../../src/server/http/event-streams';

/** Opens the stream and collects what arrives until it ends. */
function listen(port: number) {
  return new Promise<{ res: IncomingMessage; text: () => string; ended: Promise<void> }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/stream' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      const ended = new Promise<void>((done) => res.on('end', () => done()));
      resolve({ res, text: () => text, ended });
    }).on('error', reject);
  });
}

describe('server-sent event streams', () => {
  it('keeps an idle stream open with heartbeats, and a closing server ends it and undoes its subscriptions', async () => {
    const app = Fastify();
    const streams = eventStreams(app);
    let heartbeats = 0;
    const undone: string[] = [];
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    app.get('/stream', async (request, reply) => {
      const stream = streams.open(request, reply, { heartbeatMs: 20, onHeartbeat: () => heartbeats++ });
      stream.res.write('event: ready\ndata: {}\n\n');
      stream.onEnd(() => undone.push('subscription'));
      opened();
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const client = await listen((app.server.address() as AddressInfo).port);
    await isOpen;
    expect(client.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.res.headers['x-accel-buffering']).toBe('no');
    await expect.poll(() => client.text()).toContain(': keep-alive');
    expect(heartbeats).toBeGreaterThan(0);
    expect(client.text().startsWith('event: ready')).toBe(true);
    // close() would wait for ever on an open stream: the streams end first.
    await app.close();
    await client.ended;
    expect(undone).toEqual(['subscription']);
  });

  it('a browser that leaves ends its stream; what is registered after the end is undone at once', async () => {
    const app = Fastify();
    const streams = eventStreams(app);
    const undone: string[] = [];
    let stream!: ReturnType<typeof streams.open>;
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    app.get('/stream', async (request, reply) => {
      stream = streams.open(request, reply);
      stream.onEnd(() => undone.push('first'));
      stream.res.write(': open\n\n');
      opened();
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const client = await listen((app.server.address() as AddressInfo).port);
    await isOpen;
    client.res.destroy();
    await expect.poll(() => undone).toEqual(['first']);
    stream.onEnd(() => undone.push('late'));
    expect(undone).toEqual(['first', 'late']);
    await app.close();
  });
});
