import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { withSecurityHeaders } from './security-headers';

/**
 * Fastify answers a URL it cannot decode (`/%zz`), a too-long parameter or a failed route
 * constraint before any hook or error handler: here they get the `{ error, message }` shape, the
 * security headers and no-store like every other answer of the API.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed before routing');
    void reply.code(500).send({ error: 'server-error', message: 'the server could not handle this request; try again later' });
    return;
  }
  const name = error.code === 'FST_ERR_BAD_URL' ? 'bad-url' : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'url-too-long' : 'bad-request';
  // The raw URL is not echoed: it is what could not be decoded.
  const message = name === 'bad-url' ? 'the URL could not be decoded: a percent sign must start a valid %XX escape' : error.message;
  withSecurityHeaders(request, reply).then(
    () => reply.code(status).header('cache-control', 'no-store').send({ error: name, message }),
    (headerError: unknown) => {
      request.log.error({ err: headerError }, 'security headers failed');
      reply.code(500).send({ error: 'server-error', message: 'the server could not handle this request; try again later' });
    },
  );
}
