import { checkStatus, createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { DocumentLoader } from '@digitalbazaar/vc';
import type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey';
import { signCredential } from './credential-proof';
import { isoSeconds } from './credential-builder';

/**
 * 131,072 entries (16 KiB before compression), the size the Bitstring Status List spec recommends
 * at least: a verifier fetching the list learns nothing about which credential it checks.
 */
export const statusListLength = 131_072;

/** The signed status list credential for the given revoked indexes (revocation only; indexes are never reused). */
export async function signedStatusList(opts: { url: string; issuer: string; revoked: readonly number[]; keyPair: Ed25519KeyPair; loader: DocumentLoader; now: Date }): Promise<Record<string, unknown>> {
  const list = await createList({ length: statusListLength });
  for (const index of opts.revoked) list.setStatus(index, true);
  const unsigned = await createCredential({ id: opts.url, list, statusPurpose: 'revocation' });
  return signCredential({ ...unsigned, issuer: opts.issuer, validFrom: isoSeconds(opts.now) }, opts.keyPair, opts.loader, opts.now);
}

export type StatusOutcome = { status: 'active' | 'revoked' } | { status: 'unknown'; reason: string } | { status: 'none' };

/**
 * Whether the credential is revoked, read from its status list (signed by the same issuer). A list
 * that cannot be loaded or does not verify gives "unknown": the verifier says so rather than guess.
 */
export async function checkRevocation(credential: Record<string, unknown>, loader: DocumentLoader): Promise<StatusOutcome> {
  if (!credential.credentialStatus) return { status: 'none' };
  const result = await checkStatus({ credential, documentLoader: loader, suite: new DataIntegrityProof({ cryptosuite }), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true });
  if (!result.verified) return { status: 'unknown', reason: result.error?.message ?? 'the status list could not be checked' };
  return { status: result.results?.some((r) => r.status === true) ? 'revoked' : 'active' };
}
