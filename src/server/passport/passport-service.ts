import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DocumentLoader } from '@digitalbazaar/vc';
import type { Database } from '../db/schema';
import type { PassportKeysTable } from '../db/schema-passport';
import type { SecretBox } from '../auth/secret-box';
import type { StationTexts } from '../dashboard/station-texts';
import type { ScenarioCatalog } from '../scenario-catalog';
import { documentLoader } from './document-loader';
import { buildCredential, competencyNames, validUntilOf, type CompetencyName } from './credential-builder';
import { signCredential } from './credential-proof';
import { didWebDocument, didWebFor, issuerDid, newKeyPair, signingKeyPair, type IssuerIdentity, type StoredKey } from './issuer-keys';
import { passedExamRule, pathMasteryRule, type MasteryRule } from './mastery';
import type { ResolvedAlignment } from './module-alignment';
import { signedStatusList, statusListLength } from './status-list';

export interface PassportOptions {
  db: Kysely<Database>;
  box: SecretBox;
  now: () => Date;
  catalog: ScenarioCatalog;
  texts: StationTexts;
  /** Each module's ESCO alignment (modules without one issue nothing). */
  alignments: ReadonlyMap<string, ResolvedAlignment>;
  /** PUBLIC_URL: the issuer is did:web on it; null: did:key. */
  publicUrl: string | null;
  /** Where status lists and verification links point: PUBLIC_URL, else the first LAN address. */
  baseUrl: () => string;
  rules?: MasteryRule[];
}

const leaseMs = 2 * 60 * 1000;
const maxAttempts = 5;
type KeyRow = Selectable<PassportKeysTable>;
type Db = Kysely<Database> | Transaction<Database>;

export class PassportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The passport's server side: keys per organisation (sealed), issuing what the mastery rules find,
 * status lists, revocation and erasure, and the public documents verifiers read.
 */
export class PassportService {
  constructor(private readonly opts: PassportOptions) {}

  get modules(): string[] {
    return [...this.opts.alignments.keys()];
  }

  identity(organisationId: string): IssuerIdentity {
    return this.opts.publicUrl ? { kind: 'did:web', did: didWebFor(this.opts.publicUrl, organisationId) } : { kind: 'did:key' };
  }

  statusListUrl(listId: string): string {
    return new URL(`/passport/status/${listId}`, this.opts.baseUrl()).href;
  }

  /** The QR code's address: the public base, else the address the trainer's browser used (a centre without PUBLIC_URL). */
  verifyUrl(credentialId: string, requestOrigin?: string): string {
    return new URL(`/verify/${credentialId}`, this.opts.publicUrl ?? requestOrigin ?? this.opts.baseUrl()).href;
  }

  private aad(row: { organisation_id: string; id: string }): string {
    return `${row.organisation_id}/${row.id}`;
  }

  private open(row: KeyRow): StoredKey {
    const secret = this.opts.box.open(row.secret_sealed, this.aad(row));
    if (secret === null) throw new PassportError('signing-key-sealed', `the signing key ${row.id} cannot be opened with this server secret (SERVER_SECRET or DATA_DIR/server-secret differs from the one that sealed it)`);
    return { serial: row.serial, publicKeyMultibase: row.public_key_multibase, secretKeyMultibase: secret };
  }

  /** Every key of an organisation, oldest first. */
  async keys(organisationId: string, db: Db = this.opts.db): Promise<KeyRow[]> {
    return db.selectFrom('passport_keys').selectAll().where('organisation_id', '=', organisationId).orderBy('serial').execute();
  }

  /** The key that signs now; made on first use. Two instances making one at once: the unique serial lets one win. */
  async currentKey(organisationId: string): Promise<KeyRow> {
    const keys = await this.keys(organisationId);
    const live = keys.filter((k) => k.retired_at === null).at(-1);
    if (live) return live;
    return this.addKey(organisationId, (keys.at(-1)?.serial ?? 0) + 1);
  }

  private async addKey(organisationId: string, serial: number): Promise<KeyRow> {
    const pair = await newKeyPair();
    const id = randomUUID();
    const row: KeyRow = { id, organisation_id: organisationId, serial, public_key_multibase: pair.publicKeyMultibase, secret_sealed: '', created_at: this.opts.now().toISOString(), retired_at: null, withdrawn_at: null, withdrawn_reason: null, withdrawn_by: null };
    row.secret_sealed = this.opts.box.seal(pair.secretKeyMultibase, this.aad(row));
    try {
      await this.opts.db.insertInto('passport_keys').values(row).execute();
      return row;
    } catch (error) {
      const winner = (await this.keys(organisationId)).find((k) => k.serial === serial);
      if (winner) return winner;
      throw error;
    }
  }

  /** A new key signs from now on; the old one is retired but still verifies (and still revokes its own credentials). */
  async rotateKey(organisationId: string): Promise<KeyRow> {
    const current = await this.currentKey(organisationId);
    const next = await this.addKey(organisationId, current.serial + 1);
    await this.opts.db.updateTable('passport_keys').set({ retired_at: this.opts.now().toISOString() }).where('id', '=', current.id).execute();
    return next;
  }

  /**
   * Withdraws a leaked key: a live key is rotated first (a new key signs from now on); the key leaves
   * the did:web document, so what it signed no longer verifies there; every credential it signed is
   * revoked through its status bit (for copies checked against a did:key issuer, or a cached document).
   */
  async withdrawKey(organisationId: string, serial: number, reason: string, trainerId: string): Promise<{ outcome: 'not-found' } | { outcome: 'already' } | { outcome: 'withdrawn'; revoked: number; signing: number }> {
    const key = (await this.keys(organisationId)).find((k) => k.serial === serial);
    if (!key) return { outcome: 'not-found' };
    if (key.withdrawn_at) return { outcome: 'already' };
    const signing = key.retired_at === null ? await this.rotateKey(organisationId) : await this.currentKey(organisationId);
    const at = this.opts.now().toISOString();
    await this.opts.db.updateTable('passport_keys').set({ withdrawn_at: at, withdrawn_reason: reason, withdrawn_by: trainerId }).where('id', '=', key.id).execute();
    const signed = await this.opts.db
      .selectFrom('passport_credentials')
      .select(['id', 'status_list_id', 'status_index'])
      .where('key_id', '=', key.id)
      .where('state', '=', 'issued')
      .where('revoked_at', 'is', null)
      .execute();
    await this.opts.db
      .updateTable('passport_credentials')
      .set({ revoked_at: at, revoked_reason: `signing key ${serial} withdrawn: ${reason}`, revoked_by: trainerId })
      .where('key_id', '=', key.id)
      .where('state', '=', 'issued')
      .where('revoked_at', 'is', null)
      .execute();
    const resigned = await this.setBitsOf(signed);
    // Lists of the key with nothing newly revoked are signed again too: the withdrawn key must sign nothing that stays published.
    const lists = await this.opts.db.selectFrom('passport_status_lists').select('id').where('key_id', '=', key.id).execute();
    for (const l of lists) if (!resigned.has(l.id)) await this.resignList(l.id);
    return { outcome: 'withdrawn', revoked: signed.length, signing: signing.serial };
  }

  /** The loader for this server's own documents: its did:web documents and its status lists. Nothing else, no network. */
  loader(): DocumentLoader {
    return documentLoader({
      didWeb: async (url) => {
        const did = url.split('#')[0]!;
        const org = this.opts.publicUrl ? (await this.opts.db.selectFrom('organisations').select('id').execute()).find((o) => didWebFor(this.opts.publicUrl!, o.id) === did) : undefined;
        return org ? this.didDocument(org.id) : null;
      },
      other: async (url) => {
        const match = /\/passport\/status\/([0-9a-f-]{36})$/.exec(new URL(url).pathname);
        return match ? this.statusListDocument(match[1]!) : null;
      },
    });
  }

  async didDocument(organisationId: string): Promise<Record<string, unknown> | null> {
    if (!this.opts.publicUrl) return null;
    // A withdrawn key is left out: a verifier resolving the DID no longer finds it.
    const keys = (await this.keys(organisationId)).filter((k) => k.withdrawn_at === null);
    if (keys.length === 0) return null;
    return didWebDocument(didWebFor(this.opts.publicUrl, organisationId), keys.map((k) => ({ serial: k.serial, publicKeyMultibase: k.public_key_multibase })));
  }

  async statusListDocument(listId: string): Promise<Record<string, unknown> | null> {
    const row = await this.opts.db.selectFrom('passport_status_lists').select('signed_json').where('id', '=', listId).executeTakeFirst();
    return row?.signed_json ? (JSON.parse(row.signed_json) as Record<string, unknown>) : null;
  }

  /** A free index on a list of the key: indexes are handed out once (the update is atomic on both engines). */
  private async allocateIndex(key: KeyRow): Promise<{ listId: string; index: number }> {
    for (;;) {
      const list = await this.opts.db.selectFrom('passport_status_lists').select(['id', 'next_index']).where('key_id', '=', key.id).orderBy('created_at', 'desc').executeTakeFirst();
      if (list && list.next_index < statusListLength) {
        const taken = await this.opts.db
          .updateTable('passport_status_lists')
          .set({ next_index: list.next_index + 1 })
          .where('id', '=', list.id)
          .where('next_index', '=', list.next_index)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 1) return { listId: list.id, index: list.next_index };
        continue;
      }
      const id = randomUUID();
      const now = this.opts.now();
      await this.opts.db
        .insertInto('passport_status_lists')
        .values({ id, organisation_id: key.organisation_id, key_id: key.id, next_index: 0, revoked_json: '[]', signed_json: null, created_at: now.toISOString(), updated_at: now.toISOString() })
        .execute();
      await this.resignList(id);
    }
  }

  /** Signs a status list again from its revoked indexes (after a revocation; with its own key, retired or not, unless withdrawn). */
  async resignList(listId: string, db: Db = this.opts.db): Promise<void> {
    const list = await db.selectFrom('passport_status_lists').selectAll().where('id', '=', listId).executeTakeFirstOrThrow();
    const identity = this.identity(list.organisation_id);
    let keyRow = await db.selectFrom('passport_keys').selectAll().where('id', '=', list.key_id).executeTakeFirstOrThrow();
    // Under did:web the list is the organisation's, whichever key signs it: a withdrawn key's lists are signed by the current key.
    // Under did:key the issuer is the key itself, so only that key can say its credentials are revoked.
    if (keyRow.withdrawn_at !== null && identity.kind === 'did:web') keyRow = await this.currentKey(list.organisation_id);
    const key = this.open(keyRow);
    const pair = await signingKeyPair(identity, key);
    const signed = await signedStatusList({ url: this.statusListUrl(listId), issuer: issuerDid(identity, key), revoked: JSON.parse(list.revoked_json) as number[], keyPair: pair, loader: documentLoader(), now: this.opts.now() });
    await db.updateTable('passport_status_lists').set({ signed_json: JSON.stringify(signed), updated_at: this.opts.now().toISOString() }).where('id', '=', listId).execute();
  }

  /** Queues what the mastery rules found since the last run. Returns how many. */
  async queueMastered(limit = 100): Promise<number> {
    let queued = 0;
    for (const rule of this.opts.rules ?? [passedExamRule, pathMasteryRule]) {
      for (const m of await rule.newlyMastered(this.opts.db, this.modules, limit)) {
        const inserted = await this.opts.db
          .insertInto('passport_credentials')
          .values({ id: randomUUID(), organisation_id: m.organisationId, trainee_id: m.traineeId, module_id: m.moduleId, session_id: m.sessionId, state: 'queued', achieved_at: m.achievedAt, queued_at: this.opts.now().toISOString(), claimed_until: null, attempts: 0, last_error: null, issued_at: null, valid_until: null, key_id: null, status_list_id: null, status_index: null, credential_json: null, revoked_at: null, revoked_reason: null, revoked_by: null })
          .onConflict((oc) => oc.column('session_id').doNothing())
          .executeTakeFirst();
        queued += Number(inserted.numInsertedOrUpdatedRows ?? 0);
      }
    }
    return queued;
  }

  /** Signs queued credentials, each claimed first so two instances never sign one twice. */
  async issueDue(limit = 20): Promise<{ issued: number; failed: number }> {
    const now = this.opts.now();
    const due = await this.opts.db
      .selectFrom('passport_credentials')
      .select(['id', 'claimed_until'])
      .where('state', '=', 'queued')
      .orderBy('queued_at')
      .limit(limit)
      .execute();
    let issued = 0;
    let failed = 0;
    for (const row of due) {
      if (row.claimed_until && row.claimed_until > now.toISOString()) continue;
      const claim = await this.opts.db
        .updateTable('passport_credentials')
        .set({ claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
        .where('id', '=', row.id)
        .where('state', '=', 'queued')
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now.toISOString())]))
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) continue;
      try {
        await this.issueOne(row.id);
        issued++;
      } catch (error) {
        const current = await this.opts.db.selectFrom('passport_credentials').select('attempts').where('id', '=', row.id).executeTakeFirst();
        const attempts = (current?.attempts ?? 0) + 1;
        await this.opts.db
          .updateTable('passport_credentials')
          .set({ attempts, last_error: (error as Error).message.slice(0, 500), claimed_until: null, state: attempts >= maxAttempts ? 'failed' : 'queued' })
          .where('id', '=', row.id)
          .execute();
        failed++;
      }
    }
    return { issued, failed };
  }

  private async issueOne(id: string): Promise<void> {
    const c = await this.opts.db.selectFrom('passport_credentials').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const session = await this.opts.db.selectFrom('sessions').selectAll().where('id', '=', c.session_id).executeTakeFirst();
    const trainee = await this.opts.db.selectFrom('trainees').select(['code']).where('id', '=', c.trainee_id).executeTakeFirst();
    const org = await this.opts.db.selectFrom('organisations').select(['name']).where('id', '=', c.organisation_id).executeTakeFirst();
    const alignment = this.opts.alignments.get(c.module_id);
    const scenario = this.opts.catalog.current.find((e) => e.scenario.id === c.module_id)?.scenario;
    if (!session || !trainee || !org) throw new PassportError('gone', 'the session, trainee or organisation is gone');
    if (!alignment || !scenario) throw new PassportError('no-alignment', `module ${c.module_id} has no alignment.json`);
    const subject = await this.opts.db.selectFrom('passport_subjects').select('name').where('trainee_id', '=', c.trainee_id).executeTakeFirst();
    const keyRow = await this.currentKey(c.organisation_id);
    const identity = this.identity(c.organisation_id);
    const key = this.open(keyRow);
    const { listId, index } = await this.allocateIndex(keyRow);
    const texts = (lng: string) => {
      const info = this.opts.texts.list(lng).find((s) => s.id === c.module_id);
      return { title: info?.title ?? c.module_id, steps: info?.steps.map((s) => s.text) ?? [], rules: info?.rules.map((r) => r.text) ?? [] };
    };
    const competencies: Partial<Record<CompetencyName, number | null>> = {};
    for (const name of competencyNames) competencies[name] = session[`comp_${name.replace('-', '_')}` as 'comp_safety'];
    const now = this.opts.now();
    const achievedAt = new Date(c.achieved_at);
    const unsigned = buildCredential({
      id: `urn:uuid:${c.id}`,
      issuer: { id: issuerDid(identity, key), name: org.name, url: this.opts.publicUrl },
      module: { id: scenario.id, version: scenario.version, passScore: scenario.passScore, nl: texts('nl'), en: texts('en'), alignment },
      subject: { pseudonym: trainee.code, name: subject?.name ?? null },
      result: { score: session.score, competencies },
      achievedAt,
      issuedAt: now,
      status: { listUrl: this.statusListUrl(listId), index },
    });
    const signed = await signCredential(unsigned, await signingKeyPair(identity, key), documentLoader(), now);
    const validUntil = validUntilOf(alignment, achievedAt);
    await this.opts.db
      .updateTable('passport_credentials')
      .set({ state: 'issued', issued_at: now.toISOString(), valid_until: validUntil?.toISOString() ?? null, key_id: keyRow.id, status_list_id: listId, status_index: index, credential_json: JSON.stringify(signed), claimed_until: null, last_error: null })
      .where('id', '=', id)
      .execute();
  }

  /** Sets the credential's bit on its list and signs the list again. */
  async revoke(organisationId: string, credentialId: string, reason: string, trainerId: string): Promise<'revoked' | 'not-found' | 'not-issued' | 'already'> {
    const c = await this.opts.db.selectFrom('passport_credentials').selectAll().where('id', '=', credentialId).where('organisation_id', '=', organisationId).executeTakeFirst();
    if (!c) return 'not-found';
    if (c.state !== 'issued' || c.status_list_id === null || c.status_index === null) return 'not-issued';
    if (c.revoked_at) return 'already';
    await this.setBits(c.status_list_id, [c.status_index]);
    await this.opts.db.updateTable('passport_credentials').set({ revoked_at: this.opts.now().toISOString(), revoked_reason: reason, revoked_by: trainerId }).where('id', '=', credentialId).execute();
    return 'revoked';
  }

  /** Sets the status bits of these credentials, list by list (each list signed again once); returns the lists touched. */
  private async setBitsOf(credentials: readonly { status_list_id: string | null; status_index: number | null }[]): Promise<Set<string>> {
    const byList = new Map<string, number[]>();
    for (const c of credentials) if (c.status_list_id !== null && c.status_index !== null) byList.set(c.status_list_id, [...(byList.get(c.status_list_id) ?? []), c.status_index]);
    for (const [listId, indexes] of byList) await this.setBits(listId, indexes);
    return new Set(byList.keys());
  }

  private async setBits(listId: string, indexes: number[]): Promise<void> {
    await this.opts.db.transaction().execute(async (tx) => {
      const list = await tx.selectFrom('passport_status_lists').select('revoked_json').where('id', '=', listId).executeTakeFirstOrThrow();
      const revoked = new Set(JSON.parse(list.revoked_json) as number[]);
      for (const i of indexes) revoked.add(i);
      await tx.updateTable('passport_status_lists').set({ revoked_json: JSON.stringify([...revoked].sort((a, b) => a - b)) }).where('id', '=', listId).execute();
    });
    await this.resignList(listId);
  }

  /**
   * Erasing a trainee: every credential of theirs is revoked through its status bit (the index is
   * never handed out again), then the rows go. Copies held elsewhere then verify as revoked.
   */
  async eraseTrainee(traineeId: string): Promise<number> {
    const rows = await this.opts.db.selectFrom('passport_credentials').select(['id', 'status_list_id', 'status_index']).where('trainee_id', '=', traineeId).execute();
    await this.setBitsOf(rows);
    await this.opts.db.deleteFrom('passport_credentials').where('trainee_id', '=', traineeId).execute();
    await this.opts.db.deleteFrom('passport_subjects').where('trainee_id', '=', traineeId).execute();
    return rows.length;
  }

  async setSubjectName(organisationId: string, traineeId: string, name: string | null, trainerId: string): Promise<void> {
    if (name === null) {
      await this.opts.db.deleteFrom('passport_subjects').where('trainee_id', '=', traineeId).where('organisation_id', '=', organisationId).execute();
      return;
    }
    await this.opts.db
      .insertInto('passport_subjects')
      .values({ trainee_id: traineeId, organisation_id: organisationId, name, consent_by: trainerId, consent_at: this.opts.now().toISOString() })
      .onConflict((oc) => oc.column('trainee_id').doUpdateSet({ name, consent_by: trainerId, consent_at: this.opts.now().toISOString() }))
      .execute();
  }
}
