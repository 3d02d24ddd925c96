import type { FastifyReply } from 'fastify';
import type { PasswordProblem } from '../auth/password-policy';

/**
 * 400 for a password the policy refuses, in the shape of every invalid request (docs/api.md), with
 * the problem's code beside the message so the dashboard can say it in the trainer's language.
 */
export function passwordRefused(reply: FastifyReply, field: string, problem: PasswordProblem) {
  return reply.code(400).send({
    error: 'invalid-request',
    message: `${field}: ${problem.message}`,
    issues: [{ path: field, message: problem.message, code: `password-${problem.code}` }],
  });
}
