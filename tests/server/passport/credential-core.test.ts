import { describe, expect, test } from 'vitest';
import { documentLoader, DocumentNotAvailableError, bundledContextUrls } from '../../../src/server/passport/document-loader';
import { newKeyPair, signingKeyPair, didWebDocument, type IssuerIdentity } from '../../../src/server/passport/issuer-keys';
import { signCredential } from '../../../src/server/passport/credential-proof';
import { buildCredential, type CredentialInput } from '../../../src/server/passport/credential-builder';
import { readEscoExtract, readModuleAlignment } from '../../../src/server/passport/module-alignment';
import { signedStatusList } from '../../../src/server/passport/status-list';
import { checkCredential } from '../../../src/server/passport/credential-check';

const root = process.cwd();
const listUrl = 'https://centrum.example/passport/o1/status/1';
const issued = new Date('2026-12-01T10:01:00Z');

async function issuedCredential(identity: IssuerIdentity, overrides: Partial<CredentialInput> = {}) {
  const key = { serial: 1, ...(await newKeyPair()) };
  const pair = await signingKeyPair(identity, key);
  const alignment = readModuleAlignment(root, `${root}/scenes/food/hygiene-sluice-line-be`, readEscoExtract(root))!;
  const input: CredentialInput = {
    id: 'urn:uuid:1b0e6a3c-9a4e-4d5f-9a57-0c3f3a0b9d11',
    issuer: { id: pair.controller!, name: 'Opleidingscentrum Gent' },
    module: { id: 'food-hygiene-sluice-line-be', version: 2, passScore: 70, nl: { title: 'Hygiënesluis', steps: ['Handen wassen'], rules: ['Geen juwelen'] }, en: { title: 'Hygiene sluice', steps: ['Wash hands'], rules: ['No jewellery'] }, alignment },
    subject: { pseudonym: 'K7MX-4Q' },
    result: { score: 86.4, competencies: { safety: 100, numeracy: 66.7, quality: null } },
    achievedAt: new Date('2026-12-01T10:00:00Z'),
    issuedAt: issued,
    status: { listUrl, index: 7 },
    ...overrides,
  };
  const signed = await signCredential(buildCredential(input), pair, documentLoader(), issued);
  return { key, pair, signed };
}

/** The verifier as an employer's tool would be: the JSON, the public key (in the did:key itself), and the status list it can fetch. */
function independentLoader(statusList: Record<string, unknown> | null) {
  return documentLoader({ other: async (url) => (statusList && url === listUrl ? statusList : null) });
}

describe('passport credentials (Open Badges 3.0, eddsa-rdfc-2022)', () => {
  test('an issued credential verifies from its JSON and the issuer key alone, and says what was mastered', async () => {
    const { signed, pair } = await issuedCredential({ kind: 'did:key' });
    const list = await signedStatusList({ url: listUrl, issuer: pair.controller!, revoked: [], keyPair: pair, loader: documentLoader(), now: issued });
    // A copy taken away: serialised and parsed again, as a download or a paste would be.
    const copy = JSON.parse(JSON.stringify(signed)) as Record<string, unknown>;
    const check = await checkCredential(copy, independentLoader(list), new Date('2026-12-02T09:00:00Z'));
    expect(check.verdict).toBe('valid');
    expect(check.signature.valid).toBe(true);
    expect(check.status).toBe('active');
    expect(check.summary).toMatchObject({ issuerName: 'Opleidingscentrum Gent', module: 'Hygiënesluis', score: '86', subject: { pseudonym: 'K7MX-4Q', name: null }, achievedAt: '2026-12-01T10:00:00Z' });
    expect(check.summary.alignments.map((a) => a.url)).toContain('http://data.europa.eu/esco/skill/a34f4fd4-1aff-4941-82d5-542ac94f81c3');
    expect(signed.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect((signed.proof as Record<string, unknown>).cryptosuite).toBe('eddsa-rdfc-2022');
    // The hygiene module expires after 12 months.
    expect(signed.validUntil).toBe('2027-12-01T10:00:00Z');
  });

  test('a credential altered by one character is refused', async () => {
    const { signed } = await issuedCredential({ kind: 'did:key' });
    const text = JSON.stringify(signed);
    const at = text.indexOf('"86"');
    const altered = JSON.parse(`${text.slice(0, at)}"87"${text.slice(at + 4)}`) as Record<string, unknown>;
    const check = await checkCredential(altered, independentLoader(null), new Date('2026-12-02T09:00:00Z'));
    expect(check.signature.valid).toBe(false);
    expect(check.verdict).toBe('invalid');
    // The subject's pseudonym, one letter off.
    const renamed = JSON.parse(text.replace('K7MX-4Q', 'K7MX-4R')) as Record<string, unknown>;
    expect((await checkCredential(renamed, independentLoader(null), new Date('2026-12-02T09:00:00Z'))).verdict).toBe('invalid');
  });

  test('a credential signed by another key than its issuer is refused', async () => {
    const { signed } = await issuedCredential({ kind: 'did:key' });
    const other = await issuedCredential({ kind: 'did:key' });
    // The proof of another key, on this issuer's credential: the key is not the issuer's.
    const forged = { ...signed, proof: other.signed.proof };
    expect((await checkCredential(forged, independentLoader(null), new Date('2026-12-02T09:00:00Z'))).signature.valid).toBe(false);
    // Another key that claims this issuer's name but signs as itself: the issuer id no longer matches the key.
    const claimed = { ...other.signed, issuer: signed.issuer };
    expect((await checkCredential(claimed, independentLoader(null), new Date('2026-12-02T09:00:00Z'))).signature.valid).toBe(false);
  });

  test('a revoked credential says revoked; a list out of reach says unknown, never valid', async () => {
    const { signed, pair } = await issuedCredential({ kind: 'did:key' });
    const revokedList = await signedStatusList({ url: listUrl, issuer: pair.controller!, revoked: [7], keyPair: pair, loader: documentLoader(), now: issued });
    const check = await checkCredential(signed, independentLoader(revokedList), new Date('2026-12-02T09:00:00Z'));
    expect(check.signature.valid).toBe(true);
    expect(check.verdict).toBe('revoked');
    const away = await checkCredential(signed, independentLoader(null), new Date('2026-12-02T09:00:00Z'));
    expect(away.status).toBe('unknown');
    expect(away.verdict).toBe('unknown-status');
    // A list signed by another key is not believed.
    const other = await issuedCredential({ kind: 'did:key' });
    const foreignList = await signedStatusList({ url: listUrl, issuer: other.pair.controller!, revoked: [], keyPair: other.pair, loader: documentLoader(), now: issued });
    expect((await checkCredential(signed, independentLoader(foreignList), new Date('2026-12-02T09:00:00Z'))).status).toBe('unknown');
  });

  test('an expired credential says expired, with its signature still holding', async () => {
    const { signed, pair } = await issuedCredential({ kind: 'did:key' });
    const list = await signedStatusList({ url: listUrl, issuer: pair.controller!, revoked: [], keyPair: pair, loader: documentLoader(), now: issued });
    const check = await checkCredential(signed, independentLoader(list), new Date('2027-12-01T10:00:01Z'));
    expect(check.signature.valid).toBe(true);
    expect(check.expiry.expired).toBe(true);
    expect(check.verdict).toBe('expired');
  });

  test('did:web: verifies with the DID document the centre publishes, old keys included; not without it', async () => {
    const identity: IssuerIdentity = { kind: 'did:web', did: 'did:web:centrum.example:passport:o1' };
    const { signed, key } = await issuedCredential(identity);
    const newer = { serial: 2, ...(await newKeyPair()) };
    const doc = didWebDocument(identity.did, [key, newer]);
    const didWeb = async (url: string) => (url.split('#')[0] === identity.did ? doc : null);
    const loader = documentLoader({ didWeb });
    const check = await checkCredential(signed, loader, new Date('2026-12-02T09:00:00Z'));
    expect(check.signature).toEqual({ valid: true, reason: null });
    // The document without the signing key (a key withdrawn): the signature no longer holds.
    const withdrawn = didWebDocument(identity.did, [newer]);
    const without = await checkCredential(signed, documentLoader({ didWeb: async () => withdrawn }), new Date('2026-12-02T09:00:00Z'));
    expect(without.signature.valid).toBe(false);
    // No resolver: nothing fetched from the network, the signature cannot be checked.
    expect((await checkCredential(signed, documentLoader(), new Date('2026-12-02T09:00:00Z'))).signature.valid).toBe(false);
  });

  test('the document loader serves contexts from packages and refuses the network', async () => {
    const loader = documentLoader();
    for (const url of ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://w3id.org/security/data-integrity/v2', 'https://www.w3.org/ns/credentials/status/v1']) {
      expect(bundledContextUrls()).toContain(url);
      expect(((await loader(url)).document as Record<string, unknown>)['@context']).toBeTypeOf('object');
    }
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      throw new Error('no network in this test');
    }) as typeof fetch;
    try {
      await expect(loader('https://purl.imsglobal.org/spec/ob/v3p0/context-9.9.json')).rejects.toBeInstanceOf(DocumentNotAvailableError);
      await expect(loader('did:web:elsewhere.example')).rejects.toBeInstanceOf(DocumentNotAvailableError);
      // A whole verification of a credential from elsewhere makes no request either.
      const { signed } = await issuedCredential({ kind: 'did:web', did: 'did:web:elsewhere.example' });
      expect((await checkCredential(signed, loader, new Date('2026-12-02T09:00:00Z'))).signature.valid).toBe(false);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });
});
