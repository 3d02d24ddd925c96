import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the server must read back (TOTP seeds, an LRS password or OAuth client secret) cannot be
 * hashed like passwords: they are sealed with AES-256-GCM under a key derived from the server secret
 * (server-secret.ts) for one purpose. A copy of the database alone opens nothing. `context` (for
 * example the organisation id) is bound as associated data, so a sealed value cannot be moved to
 * another row. Stored as `v1.<iv>.<ciphertext>.<tag>` (base64url).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(serverSecret: Buffer, purpose: string) {
    if (serverSecret.length < 32) throw new Error('the server secret must be at least 32 bytes');
    this.key = Buffer.from(hkdfSync('sha256', serverSecret, Buffer.alloc(0), `werkvloer ${purpose}`, 32));
  }

  seal(plain: string, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** The plain text, or null when sealed under another secret, purpose or context, or tampered with. */
  open(sealed: string, context = ''): string | null {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== 'v1' || !iv || body === undefined || !tag) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
