import { issue, verifyCredential, type DocumentLoader } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey';

/**
 * Data Integrity `eddsa-rdfc-2022`, not the JWT form: the proof sits inside the JSON, so the
 * credential stays one readable document an employer can paste or download, Open Badges 3.0
 * verifiers take it, and the Europass export can reuse the same JSON-LD.
 */
export async function signCredential(credential: Record<string, unknown>, keyPair: Ed25519KeyPair, loader: DocumentLoader, now: Date): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite, date: now });
  return issue({ credential, suite, documentLoader: loader, now });
}

export interface SignatureCheck {
  valid: boolean;
  /** Why not, in the library's words (for the log and the verification page's details). */
  reason: string | null;
}

/**
 * Whether the proof holds: the document is exactly what the key signed, and the key belongs to the
 * issuer it names. Time is left out on purpose (checked at the credential's own validFrom): expiry
 * and revocation are reported apart, so "expired" never reads as "forged".
 */
export async function checkSignature(credential: Record<string, unknown>, loader: DocumentLoader): Promise<SignatureCheck> {
  const validFrom = typeof credential.validFrom === 'string' ? credential.validFrom : undefined;
  try {
    const result = await verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
      ...(validFrom ? { now: validFrom } : {}),
      // Status is checked on its own (status-check.ts): a list out of reach is "unknown", not "invalid".
      checkStatus: async () => ({ verified: true }),
    });
    if (result.verified) return { valid: true, reason: null };
    const error = result.error?.errors?.[0] ?? result.results?.find((r) => r.error)?.error ?? result.error;
    return { valid: false, reason: error?.message ?? 'the proof does not hold' };
  } catch (error) {
    return { valid: false, reason: (error as Error).message };
  }
}
