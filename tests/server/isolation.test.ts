import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { databaseKinds } from './support/databases';
import { openSse } from './support/sse';
import { progress } from './support/progress';
import { joinedTrainee, login, organisationWithTrainer, type LoggedIn } from './support/trainers';
import { sessionBody, testApp } from './test-app';

type Caller = 'owner' | 'other-organisation' | 'trainee-token' | 'anonymous';

/**
 * Every route, called by everyone. `public` routes answer anyone; every other route answers only
 * a trainer of the organisation that owns the data. A route the server has that is not listed
 * here fails the first test: a new route must say who may call it.
 */
const matrix: Array<{
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: (ids: Ids) => string;
  body?: (ids: Ids) => object;
  public?: boolean;
  /** Answers a trainee token (about that trainee only), never a trainer's cookie. */
  trainee?: boolean;
  /** A server-sent events stream: read its first event, then hang up. */
  stream?: boolean;
  /** What a trainee route answers its own trainee, when not 200. */
  traineeStatus?: number;
}> = [
  { method: 'GET', url: () => '/api/health', public: true },
  { method: 'GET', url: () => '/api/practice-policy', public: true },
  { method: 'POST', url: () => '/api/sessions', body: () => sessionBody({ id: crypto.randomUUID() }), public: true },
  { method: 'POST', url: () => '/api/join', body: () => ({ code: 'NOPE2345' }), public: true },
  { method: 'POST', url: () => '/api/auth/login', body: () => ({ email: 'no@one.test', password: 'wrong password' }), public: true },
  { method: 'GET', url: () => '/api/auth/me' },
  { method: 'POST', url: () => '/api/auth/logout' },
  { method: 'GET', url: () => '/api/groups' },
  { method: 'POST', url: () => '/api/groups', body: () => ({ name: 'X' }) },
  { method: 'GET', url: (ids) => `/api/groups/${ids.groupId}/trainees` },
  { method: 'POST', url: (ids) => `/api/groups/${ids.groupId}/trainees`, body: () => ({}) },
  { method: 'POST', url: (ids) => `/api/trainees/${ids.traineeId}/join-codes` },
  { method: 'GET', url: () => '/api/sessions' },
  { method: 'GET', url: (ids) => `/api/sessions/${ids.sessionId}` },
  { method: 'GET', url: (ids) => `/api/trainees/${ids.traineeId}/export` },
  { method: 'DELETE', url: (ids) => `/api/trainees/${ids.traineeId}` },
  // The trainer dashboard (issue 8).
  { method: 'GET', url: () => '/api/trainers' },
  { method: 'POST', url: () => '/api/trainers', body: () => ({ email: 'new@trainer.test', password: 'a long password' }) },
  { method: 'DELETE', url: (ids) => `/api/trainers/${ids.trainerId}` },
  { method: 'GET', url: (ids) => `/api/groups/${ids.groupId}/assignments` },
  { method: 'PUT', url: (ids) => `/api/groups/${ids.groupId}/assignments`, body: () => ({ stations: [], exam: true }) },
  { method: 'PUT', url: (ids) => `/api/trainees/${ids.traineeId}/exam`, body: () => ({ exam: true }) },
  { method: 'GET', url: () => '/api/trainee/assignments', trainee: true },
  // The organisation's own settings (issue 6): no id in the URL; b reads and changes only b's.
  { method: 'GET', url: () => '/api/organisation' },
  { method: 'PUT', url: () => '/api/organisation', body: () => ({ country: 'NL' }) },
  { method: 'POST', url: () => '/api/auth/login/second-factor', body: () => ({ challenge: 'x'.repeat(43), code: '123456' }), public: true },
  { method: 'POST', url: () => '/api/auth/password-reset', body: () => ({ token: 'x'.repeat(43), password: 'blue kettle 7 orchard' }), public: true },
  { method: 'POST', url: () => '/api/auth/password', body: () => ({ currentPassword: 'not the password', newPassword: 'blue kettle 7 orchard' }) },
  { method: 'POST', url: () => '/api/auth/second-factor/setup' },
  { method: 'POST', url: () => '/api/auth/second-factor/confirm', body: () => ({ code: '123456' }) },
  { method: 'POST', url: () => '/api/auth/second-factor/remove', body: () => ({ password: 'not the password' }) },
  { method: 'POST', url: (ids) => `/api/trainers/${ids.trainerId}/password-reset`, body: () => ({}) },
  { method: 'GET', url: () => '/api/organisation/security' },
  { method: 'PUT', url: () => '/api/organisation/security', body: () => ({ requireAdminSecondFactor: false }) },
  { method: 'GET', url: () => '/api/dashboard/sessions' },
  { method: 'GET', url: (ids) => `/api/dashboard/sessions/${ids.sessionId}` },
  { method: 'GET', url: () => '/api/dashboard/live', stream: true },
  // The replay (issue 28): the trainer's own organisation's session; the trainee's own attempt for the debrief.
  { method: 'GET', url: (ids) => `/api/dashboard/sessions/${ids.sessionId}/replay` },
  { method: 'GET', url: (ids) => `/api/trainee/sessions/${ids.sessionId}/replay`, trainee: true },
  { method: 'GET', url: () => '/api/dashboard/stations' },
  { method: 'GET', url: (ids) => `/api/dashboard/trainees/${ids.traineeId}` },
  { method: 'GET', url: (ids) => `/api/dashboard/groups/${ids.groupId}/step-failures` },
  { method: 'GET', url: () => '/api/dashboard/export.csv' },
  { method: 'GET', url: () => '/api/dashboard/export.xapi.json' },
  // Issue 18: headsets (one token each) and server-issued exam attempts.
  { method: 'GET', url: (ids) => `/api/trainees/${ids.traineeId}/headsets` },
  { method: 'POST', url: (ids) => `/api/trainees/${ids.traineeId}/headsets/${ids.headsetId}/revoke` },
  { method: 'POST', url: () => '/api/exam-attempts', body: () => ({ scenarioId: sessionBody().scenarioId }), trainee: true, traineeStatus: 201 },
  // The query names a's session (the route's path has none).
  { method: 'GET', url: (ids) => `/api/dashboard/exam-attempts${ids.sessionId === placeholders.sessionId ? '' : `?sessions=${ids.sessionId}`}` },
  // LRS forwarding (issue 31): the admin's own organisation's connection and queue, no id in the URL.
  { method: 'GET', url: () => '/api/organisation/lrs' },
  { method: 'PUT', url: () => '/api/organisation/lrs', body: () => ({ endpoint: 'https://lrs.example/xapi', authKind: 'basic', username: 'x', secret: 'y', enabled: false }) },
  { method: 'DELETE', url: () => '/api/organisation/lrs' },
  // The live class view (issue 28): a headset's progress for its own trainee; tiles and answers for the trainer's organisation.
  { method: 'POST', url: () => '/api/live/progress', body: (ids) => progress(ids.sessionId), trainee: true },
  { method: 'GET', url: () => '/api/dashboard/live-attempts', stream: true },
  { method: 'POST', url: (ids) => `/api/dashboard/live-attempts/${ids.sessionId}/help-acknowledged`, body: () => ({ request: 1 }) },
  // The live 3D view of one attempt: a stream for its own organisation's trainer only; anyone else is refused before it opens.
  { method: 'GET', url: (ids) => `/api/dashboard/live-attempts/${ids.sessionId}/poses` },
  { method: 'POST', url: () => '/api/organisation/lrs/resend', body: () => ({ status: 'failed' }) },
  // Coaching (issue 27): figures, the trainee beside the group, reports, notes, trainees in bulk.
  { method: 'GET', url: () => '/api/dashboard/server-info' },
  { method: 'GET', url: () => '/api/dashboard/summary' },
  { method: 'GET', url: (ids) => `/api/dashboard/trainees/${ids.traineeId}/coaching` },
  { method: 'GET', url: (ids) => `/api/dashboard/groups/${ids.groupId}/report` },
  { method: 'GET', url: (ids) => `/api/trainees/${ids.traineeId}/notes` },
  { method: 'POST', url: (ids) => `/api/trainees/${ids.traineeId}/notes`, body: () => ({ text: 'Sam needs the glasses reminder' }) },
  { method: 'DELETE', url: (ids) => `/api/trainees/${ids.traineeId}/notes/${ids.noteId}` },
  { method: 'POST', url: (ids) => `/api/groups/${ids.groupId}/trainees/bulk`, body: () => ({ count: 2 }) },
  // The skills passport (issue 29). a's session id stands in for a credential id: b finds no such credential either.
  { method: 'GET', url: (ids) => `/api/trainees/${ids.traineeId}/passport` },
  { method: 'GET', url: (ids) => `/api/trainees/${ids.traineeId}/passport/europass` },
  { method: 'PUT', url: (ids) => `/api/trainees/${ids.traineeId}/passport-name`, body: () => ({ name: 'Not Sam', consent: true }) },
  { method: 'GET', url: (ids) => `/api/passport/credentials/${ids.sessionId}` },
  { method: 'POST', url: (ids) => `/api/passport/credentials/${ids.sessionId}/revoke`, body: () => ({ reason: 'not mine' }) },
  { method: 'POST', url: () => '/api/passport/keys/rotate' },
  // b withdrawing "key 1" finds only b's own keys: none, so a's key stays.
  { method: 'POST', url: (ids) => `/api/passport/keys/${ids.sessionId === placeholders.sessionId ? ':serial' : '1'}/withdraw`, body: () => ({ reason: 'not mine' }) },
  { method: 'GET', url: (ids) => `/api/passport/texts/${ids.sessionId === placeholders.sessionId ? ':lng' : 'nl'}`, public: true },
  // Learning paths (issue 26): the default paths, a group's path, a trainee's progress and opens by hand, the headset's map.
  { method: 'GET', url: () => '/api/paths' },
  { method: 'GET', url: (ids) => `/api/groups/${ids.groupId}/path` },
  { method: 'GET', url: (ids) => `/api/groups/${ids.groupId}/path/trainees` },
  { method: 'PUT', url: (ids) => `/api/groups/${ids.groupId}/path`, body: () => ({ path: null }) },
  { method: 'GET', url: (ids) => `/api/trainees/${ids.traineeId}/path` },
  { method: 'PUT', url: (ids) => `/api/trainees/${ids.traineeId}/modules/${ids.sessionId === placeholders.sessionId ? ':scenarioId' : 'wood-panel-saw'}`, body: () => ({ what: 'module', open: true }) },
  { method: 'GET', url: () => '/api/trainee/path', trainee: true },
  // Centre-recorded voices (issue 30): a's recordings and agreements stay a's; the headset's list is its own organisation's.
  { method: 'GET', url: () => '/api/voices/me' },
  { method: 'GET', url: () => '/api/voices/lines' },
  { method: 'POST', url: () => '/api/voices/consent', body: () => ({ agree: true, statement: 'I agree that my voice is used.', language: 'nl' }) },
  { method: 'POST', url: () => '/api/voices/recordings', body: () => ({}) },
  { method: 'GET', url: (ids) => `/api/voices/recordings/${ids.sessionId}/audio` },
  { method: 'POST', url: (ids) => `/api/voices/recordings/${ids.sessionId}/publish` },
  { method: 'DELETE', url: (ids) => `/api/voices/recordings/${ids.sessionId}` },
  { method: 'DELETE', url: (ids) => `/api/voices/speakers/${ids.trainerId === placeholders.trainerId ? ':trainerId' : ids.trainerId}` },
  { method: 'GET', url: () => '/api/voices/permissions' },
  { method: 'PUT', url: (ids) => `/api/voices/permissions/${ids.trainerId === placeholders.trainerId ? ':trainerId' : ids.trainerId}`, body: () => ({ allowed: true }) },
  { method: 'PUT', url: () => '/api/voices/sharing', body: () => ({ shared: false }) },
  { method: 'GET', url: () => '/api/voices/export' },
  { method: 'GET', url: (ids) => `/api/trainee/voices/${ids.sessionId === placeholders.sessionId ? ':language' : 'ti'}`, trainee: true },
];

interface Ids {
  trainerId: string;
  groupId: string;
  traineeId: string;
  sessionId: string;
  headsetId: string;
  noteId: string;
}

/** The ids as the route list names them. */
const placeholders: Ids = { trainerId: ':id', groupId: ':id', traineeId: ':id', sessionId: ':id', headsetId: ':headset', noteId: ':noteId' };

describe.each(databaseKinds)('organisation isolation on %s', (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let a: LoggedIn;
  let b: LoggedIn;
  let token = '';
  let ids: Ids;

  beforeAll(async () => {
    t = await testApp({ kind });
    a = await organisationWithTrainer(t.app, t.db, 'Atelier');
    b = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
    const trainee = await joinedTrainee(t.app, a, 'Sam');
    token = trainee.token;
    const sessionId = crypto.randomUUID();
    const up = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: sessionBody({ id: sessionId }) });
    expect(up.statusCode).toBe(201);
    const me = (await a.call('GET', '/api/auth/me')).json();
    // The headset's id is its token's hash, shortened (routes/trainee-headsets.ts); the exam unlocked, so the headset may ask for an attempt.
    const headsetId = createHash('sha256').update(token).digest('hex').slice(0, 16);
    expect((await a.call('PUT', `/api/trainees/${trainee.traineeId}/exam`, { exam: true })).statusCode).toBe(200);
    // A's note about Sam: nobody else may read or delete it.
    const note = await a.call('POST', `/api/trainees/${trainee.traineeId}/notes`, { text: 'Sam works carefully' });
    expect(note.statusCode).toBe(201);
    ids = { trainerId: me.trainer.id, groupId: trainee.groupId, traineeId: trainee.traineeId, sessionId, headsetId, noteId: note.json().id };
  });
  afterAll(async () => {
    await t.close();
  });

  test('the matrix lists every API route the server has', () => {
    const listed = new Set(matrix.map((m) => `${m.method} ${m.url(placeholders)}`));
    const routes = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .map((line) => /(\/api\/\S*) \(([A-Z, ]+)\)/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .flatMap((m) => m[2]!.split(', ').filter((verb) => verb !== 'HEAD').map((verb) => `${verb} ${m[1]}`));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) expect(listed, `${route} is missing from the isolation matrix`).toContain(route);
  });

  const callers: Caller[] = ['other-organisation', 'trainee-token', 'anonymous'];
  const cases = matrix.filter((m) => !m.public).flatMap((m) => callers.map((c) => [c, `${m.method} ${m.url(placeholders)}`, m] as const));
  test.each(cases)('as %s, %s shows nothing of another organisation', async (caller, _name, route) => {
    const url = route.url(ids);
    const payload = route.body?.(ids);
    // A fresh login each time: the logout case must not log out the next.
    const other = caller === 'other-organisation' ? await login(t.app, b.organisationId, b.email, b.password) : null;
    const headers: Record<string, string> = other ? { cookie: other.cookie } : caller === 'trainee-token' ? { authorization: `Bearer ${token}` } : {};
    if (route.stream) {
      // The live stream: b's first event is only the greeting, and a's uploads never reach it (dashboard-api.test.ts).
      const sse = await openSse(t.app, url, headers);
      if (sse.status === 200) await sse.waitFor(1);
      sse.close();
      expect(sse.status).toBe(other ? 200 : 401);
      expect(sse.events.map((e) => e.event)).toEqual(other ? ['ready'] : []);
      return;
    }
    const res = other
      ? await other.call(route.method, url, payload)
        : await t.app.inject({ method: route.method, url, headers, ...(payload ? { payload } : {}) });
    if (route.trainee) {
      // Only a trainee token is answered, and only about its own trainee.
      expect(res.statusCode).toBe(caller === 'trainee-token' ? (route.traineeStatus ?? 200) : 401);
      expect(res.body).not.toContain(a.organisationId);
      return;
    }
    if (caller === 'other-organisation') {
      // Routes about b's own account answer b about b; nothing of a's appears.
      expect(res.body).not.toContain(a.organisationId);
      expect(res.body).not.toContain(ids.sessionId);
      expect(res.body).not.toContain('Sam');
      if ([ids.trainerId, ids.groupId, ids.traineeId, ids.sessionId].some((id) => url.includes(id))) expect(res.statusCode).toBe(404);
    } else {
      expect(res.statusCode).toBe(401);
    }
  });

  test('the owner sees the session under the trainee’s pseudonym, the other organisation sees none', async () => {
    const mine = (await a.call('GET', '/api/sessions')).json();
    expect(mine.sessions.map((s: { id: string }) => s.id)).toEqual([ids.sessionId]);
    expect(mine.sessions[0].trainee.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    const detail = (await a.call('GET', `/api/sessions/${ids.sessionId}`)).json();
    expect(detail).toMatchObject({ score: 100, passed: true, trainee: { alias: 'Sam' } });
    expect((await b.call('GET', '/api/sessions')).json().sessions).toEqual([]);
    expect((await b.call('GET', '/api/groups')).json().groups.map((g: { id: string }) => g.id)).not.toContain(ids.groupId);
  });

  test('a session uploaded without a token is stored but belongs to no organisation', async () => {
    const id = crypto.randomUUID();
    expect((await t.app.inject({ method: 'POST', url: '/api/sessions', payload: sessionBody({ id }) })).statusCode).toBe(201);
    expect((await a.call('GET', '/api/sessions')).json().sessions.map((s: { id: string }) => s.id)).not.toContain(id);
  });
});
