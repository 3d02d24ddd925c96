import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';
import { createOrganisation } from '../../../src/server/organisations';

export interface LoggedIn {
  organisationId: string;
  email: string;
  password: string;
  cookie: string;
  csrfToken: string;
  /** A request as this trainer: cookie always, CSRF header on state-changing methods. */
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse>;
}

/** The `name=value` of a Set-Cookie header, as a browser would send it back. */
export function cookieOf(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error(`no Set-Cookie in the ${res.statusCode} answer: ${res.body}`);
  return first.split(';')[0]!;
}

/** A new organisation with its admin, logged in (the CLI's path, then the login route). */
export async function organisationWithTrainer(app: FastifyInstance, db: Kysely<Database>, name: string, country: 'BE' | 'NL' = 'BE'): Promise<LoggedIn> {
  const email = `admin@${name.toLowerCase().replace(/\W/g, '')}.test`;
  // Strong enough for the password policy, and not built on the organisation's name.
  const password = `blue kettle ${name.length} orchard`;
  const { organisationId } = await createOrganisation(db, { name, email, password, country });
  return login(app, organisationId, email, password);
}

/** A (new) login of an existing trainer. */
let logins = 0;

export async function login(app: FastifyInstance, organisationId: string, email: string, password: string): Promise<LoggedIn> {
  // Each login from its own loopback address: the per-address login rate limit is tested on its own.
  logins++;
  const remoteAddress = `127.1.${Math.floor(logins / 250) % 250}.${(logins % 250) + 1}`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = cookieOf(res);
  const csrfToken = res.json().csrfToken as string;
  return {
    organisationId,
    email,
    password,
    cookie,
    csrfToken,
    call: (method, url, payload) =>
      app.inject({ method, url, headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) }, ...(payload ? { payload } : {}) }),
  };
}

/** A group, a trainee in it, and that trainee's headset token (through the join route). */
export async function joinedTrainee(app: FastifyInstance, trainer: LoggedIn, alias?: string) {
  const group = (await trainer.call('POST', '/api/groups', { name: 'Hout maandag' })).json();
  const trainee = (await trainer.call('POST', `/api/groups/${group.id}/trainees`, alias ? { alias } : {})).json();
  const joined = await app.inject({ method: 'POST', url: '/api/join', payload: { code: trainee.joinCode } });
  if (joined.statusCode !== 201) throw new Error(`join failed: ${joined.statusCode} ${joined.body}`);
  return { groupId: group.id as string, traineeId: trainee.id as string, code: trainee.code as string, joinCode: trainee.joinCode as string, token: joined.json().token as string };
}
