import type { FastifyError, FastifyInstance } from 'fastify';
import { maxJsonNesting, nestingBeyond } from './json-nesting';

/** Refused before parsing: the error handler in app.ts answers it as `{ error: 'json-too-deep', message }`. */
export class JsonTooDeepError extends Error implements Partial<FastifyError> {
  readonly statusCode = 400;
  readonly code = 'WV_JSON_TOO_DEEP';
  constructor(at: number) {
    super(`JSON nests deeper than ${maxJsonNesting} levels (at character ${at + 1}); no request to this server needs more`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * Fastify's own JSON parser (prototype poisoning refused, as before) behind a nesting check. Every
 * route's parse cost is then bounded by its body limit (64 KB, 2 MB for uploads) times one linear
 * pass, and nesting by `maxJsonNesting`, whatever the body.
 */
export function depthLimitedJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    const at = nestingBeyond(text);
    if (at >= 0) {
      done(new JsonTooDeepError(at), undefined);
      return;
    }
    parse(request, text, done);
  });
}
