import type { DocumentLoader } from '@digitalbazaar/vc';
import { checkSignature } from './credential-proof';
import { checkRevocation, type StatusOutcome } from './status-list';

type Json = Record<string, unknown>;

/** What the verification page shows: each check apart, and what the credential says. */
export interface CredentialCheck {
  signature: { valid: boolean; reason: string | null };
  status: StatusOutcome['status'];
  statusReason: string | null;
  expiry: { expired: boolean; validUntil: string | null; notYetValid: boolean };
  /** Valid: signature holds, not revoked (or no list), not expired. Status "unknown" never makes it valid. */
  verdict: 'valid' | 'invalid' | 'revoked' | 'expired' | 'unknown-status';
  summary: CredentialSummary;
}

export interface CredentialSummary {
  issuerId: string | null;
  issuerName: string | null;
  subject: { pseudonym: string | null; name: string | null };
  module: string | null;
  achievedAt: string | null;
  validFrom: string | null;
  score: string | null;
  alignments: { name: string; description: string | null; url: string | null; type: string | null }[];
}

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Reads what a credential claims, defensively: a pasted document may have any shape. */
export function summarise(credential: Json): CredentialSummary {
  const issuer = typeof credential.issuer === 'string' ? { id: credential.issuer } : obj(credential.issuer);
  const subject = obj(arr(credential.credentialSubject)[0]);
  const achievement = obj(subject.achievement);
  const identifiers = arr(subject.identifier).map(obj);
  const idOf = (type: string) => str(identifiers.find((i) => i.identityType === type)?.identityHash);
  const scoreId = str(obj(arr(achievement.resultDescription)[0]).id);
  const score = arr(subject.result).map(obj).find((r) => r.resultDescription === scoreId);
  return {
    issuerId: str(issuer.id),
    issuerName: str(issuer.name),
    subject: { pseudonym: idOf('identifier'), name: idOf('name') },
    module: str(achievement.name) ?? str(credential.name),
    achievedAt: str(subject.activityEndDate),
    validFrom: str(credential.validFrom),
    score: str(score?.value),
    alignments: arr(achievement.alignment)
      .map(obj)
      .map((a) => ({ name: str(a.targetName) ?? '', description: str(a.targetDescription), url: str(a.targetUrl), type: str(a.targetType) }))
      .filter((a) => a.name),
  };
}

/**
 * Checks a credential from its own JSON and the issuer's key alone (the loader resolves did:key from
 * the DID itself, did:web and status lists only from what this server holds): never by looking the
 * credential up. A copy taken away from the centre verifies the same.
 */
export async function checkCredential(credential: Json, loader: DocumentLoader, now: Date): Promise<CredentialCheck> {
  const signature = await checkSignature(credential, loader);
  const status = signature.valid ? await checkRevocation(credential, loader) : ({ status: 'unknown', reason: 'the signature does not hold' } as const);
  const validUntil = str(credential.validUntil);
  const validFrom = str(credential.validFrom);
  const expired = validUntil !== null && Date.parse(validUntil) <= now.getTime();
  const notYetValid = validFrom !== null && Date.parse(validFrom) > now.getTime() + 5 * 60_000;
  const verdict: CredentialCheck['verdict'] = !signature.valid || notYetValid ? 'invalid' : status.status === 'revoked' ? 'revoked' : expired ? 'expired' : status.status === 'unknown' ? 'unknown-status' : 'valid';
  return {
    signature,
    status: status.status,
    statusReason: status.status === 'unknown' ? status.reason : null,
    expiry: { expired, validUntil, notYetValid },
    verdict,
    summary: summarise(credential),
  };
}
