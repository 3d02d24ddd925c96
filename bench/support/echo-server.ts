// The ceiling for bench/server-uploads.ts: a bare Fastify route that parses the same upload and
// sends it back, in its own process like the real server. Prints its port when listening.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
app.post('/api/sessions', async (request, reply) => reply.code(201).send(request.body));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`echo listening http=${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
