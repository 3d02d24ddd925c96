import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { SecretBox } from './auth/secret-box';
import { lrsSettingsRoutes } from './routes/lrs-settings';
import type { XapiForwarder } from './xapi/forwarder';

export interface XapiApiOptions {
  db: Kysely<Database>;
  now: () => Date;
  /** Seals LRS credentials; without one (API-only tests) a random one for this process. */
  serverSecret?: Buffer;
  /** The process's forwarder (main.ts makes one for both listeners); told when a session is stored. */
  forwarder?: XapiForwarder;
}

/** LRS forwarding's API (docs/api.md): the admin's connection and queue, and a nudge per stored session. */
export async function xapiApi(app: FastifyInstance, opts: XapiApiOptions) {
  const box = new SecretBox(opts.serverSecret ?? randomBytes(32), 'lrs');
  const wake = () => opts.forwarder?.wake();
  // After the answer has gone: the upload never waits for forwarding.
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode === 201 && request.method === 'POST' && request.routeOptions.url === '/api/sessions') wake();
  });
  await lrsSettingsRoutes(app, { db: opts.db, now: opts.now, box, wake });
}
