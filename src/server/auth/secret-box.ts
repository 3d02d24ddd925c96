import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Credentials the server must use again (an LRS password or OAuth client secret) cannot be hashed
 * like passwords: they are sealed with AES-256-GCM under a key from the server secret
 * (SERVER_SECRET, or DATA_DIR/server-secret: see server-secret.ts). A copied database alone opens
 * nothing; `context` (the organisation id) binds a sealed value to its row, so it cannot be moved
 * to another organisation's.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    // A domain-separated key: the same server secret may key other things later.
    this.key = createHash('sha256').update('werkvloer credential box v1\0').update(serverSecret).digest();
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The plain value, or null when it was sealed under another secret or for another context. */
  open(sealed: string, context: string): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) return null;
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
