import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { invalidBody } from './invalid-body';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const noteParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }), noteId: z.uuid({ message: 'must be a note id from this API' }) });
/** Short by design: a reminder for the next lesson, not a file on the person. */
export const noteMaxLength = 500;
const noteBody = z.strictObject({ text: z.string().trim().min(1, 'must not be empty').max(noteMaxLength, `must be at most ${noteMaxLength} characters`) });
/** The newest notes a trainee page shows. */
const noteListLimit = 100;

/** Trainers' short notes per trainee (issue 27): list, add, delete; only within the trainer's organisation. */
export async function dashboardNoteRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);
  const traineeOf = (org: string, id: string) => db.selectFrom('trainees').select('id').where('id', '=', id).where('organisation_id', '=', org).executeTakeFirst();
  const notFound = { error: 'not-found', message: 'no such trainee in your organisation' };

  app.get('/api/trainees/:id/notes', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    if (!(await traineeOf(org, params.data.id))) return reply.code(404).send(notFound);
    const notes = await db
      .selectFrom('trainee_notes')
      .select(['id', 'text', 'author_email', 'created_at'])
      .where('trainee_id', '=', params.data.id)
      .where('organisation_id', '=', org)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(noteListLimit)
      .execute();
    return { notes: notes.map((n) => ({ id: n.id, text: n.text, author: n.author_email, createdAt: n.created_at })) };
  });

  app.post('/api/trainees/:id/notes', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const parsed = noteBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const { trainer } = trainerOf(request);
    if (!(await traineeOf(trainer.organisationId, params.data.id))) return reply.code(404).send(notFound);
    const note = { id: randomUUID(), trainee_id: params.data.id, organisation_id: trainer.organisationId, author_email: trainer.email, text: parsed.data.text, created_at: now().toISOString() };
    await db.insertInto('trainee_notes').values(note).execute();
    return reply.code(201).send({ id: note.id, text: note.text, author: note.author_email, createdAt: note.created_at });
  });

  app.delete('/api/trainees/:id/notes/:noteId', { preHandler: guard }, async (request, reply) => {
    const params = noteParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const gone = await db.deleteFrom('trainee_notes').where('id', '=', params.data.noteId).where('trainee_id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) return reply.code(404).send({ error: 'not-found', message: 'no such note on this trainee' });
    return reply.code(204).send();
  });
}
