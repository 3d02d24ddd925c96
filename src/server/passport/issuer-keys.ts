import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey';

const multikeyContext = 'https://w3id.org/security/multikey/v1';

/** One organisation signing key as stored: the public half in clear, the secret half sealed. */
export interface StoredKey {
  /** 1, 2, … per organisation; the fragment of its did:web verification method. */
  serial: number;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

/** How the centre names itself as issuer: did:web on its public address, else did:key. */
export type IssuerIdentity = { kind: 'did:web'; did: string } | { kind: 'did:key' };

export async function newKeyPair(): Promise<{ publicKeyMultibase: string; secretKeyMultibase: string }> {
  const pair = await Ed25519Multikey.generate();
  return { publicKeyMultibase: pair.publicKeyMultibase, secretKeyMultibase: pair.secretKeyMultibase! };
}

/**
 * did:web for an organisation on PUBLIC_URL: `https://werkvloer.example/` and organisation `o1`
 * give `did:web:werkvloer.example:passport:o1`, whose document is served at
 * https://werkvloer.example/passport/o1/did.json (the did:web rule: `:` for `/`, `%3A` for a port).
 */
export function didWebFor(publicUrl: string, organisationId: string): string {
  const url = new URL(publicUrl);
  const host = encodeURIComponent(url.host);
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', host, ...path, 'passport', encodeURIComponent(organisationId)].join(':');
}

/** The did:web document's https address (the did:web method's resolution rule). */
export function didWebDocumentUrl(did: string): string {
  const [, , host, ...path] = did.split(':');
  return `https://${decodeURIComponent(host!)}/${path.map(decodeURIComponent).join('/')}/did.json`;
}

export function issuerDid(identity: IssuerIdentity, key: Pick<StoredKey, 'publicKeyMultibase'>): string {
  return identity.kind === 'did:web' ? identity.did : `did:key:${key.publicKeyMultibase}`;
}

export function verificationMethodId(identity: IssuerIdentity, key: Pick<StoredKey, 'publicKeyMultibase' | 'serial'>): string {
  return identity.kind === 'did:web' ? `${identity.did}#key-${key.serial}` : `did:key:${key.publicKeyMultibase}#${key.publicKeyMultibase}`;
}

/** The key pair that signs, named by the verification method a verifier will look up. */
export async function signingKeyPair(identity: IssuerIdentity, key: StoredKey): Promise<Ed25519KeyPair> {
  return Ed25519Multikey.from({
    '@context': multikeyContext,
    type: 'Multikey',
    id: verificationMethodId(identity, key),
    controller: issuerDid(identity, key),
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
}

/**
 * The did:web document of an organisation: every key it ever signed with, so credentials signed
 * before a rotation still verify. A key removed from here (a leaked key) stops verifying.
 */
export function didWebDocument(did: string, keys: Pick<StoredKey, 'publicKeyMultibase' | 'serial'>[]): Record<string, unknown> {
  const methods = keys.map((k) => ({ id: `${did}#key-${k.serial}`, type: 'Multikey', controller: did, publicKeyMultibase: k.publicKeyMultibase }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', multikeyContext],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

/** The short fingerprint printed on a passport: what an employer compares with the centre's. */
export function keyFingerprint(publicKeyMultibase: string): string {
  const tail = publicKeyMultibase.slice(-16);
  return tail.match(/.{1,4}/g)!.join(' ');
}
