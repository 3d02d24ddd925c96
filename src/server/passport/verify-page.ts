import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialCheck } from './credential-check';

/** Dutch, French and English first (an employer's); the trainees' languages too, so a trainee can check their own. */
export const verifyLanguages = ['nl', 'fr', 'en', 'ar', 'prs', 'ti', 'tr', 'uk'] as const;
export type VerifyLanguage = (typeof verifyLanguages)[number];

type Texts = Record<string, string | Record<string, string>>;
const cache = new Map<string, Texts>();

function texts(localesDir: string, lng: VerifyLanguage): Texts {
  const key = `${localesDir}|${lng}`;
  let t = cache.get(key);
  if (!t) {
    const file = join(localesDir, lng, 'passport-verify.json');
    t = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Texts) : {};
    cache.set(key, t);
  }
  return t;
}

/** The page's language: ?lang=, else the browser's first of nl/fr/en, else Dutch. */
export function pickLanguage(query: unknown, acceptLanguage: string | undefined): VerifyLanguage {
  if (typeof query === 'string' && (verifyLanguages as readonly string[]).includes(query)) return query as VerifyLanguage;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().split(/[-;]/)[0]!.toLowerCase();
    if ((verifyLanguages as readonly string[]).includes(tag)) return tag as VerifyLanguage;
  }
  return 'nl';
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function date(lng: VerifyLanguage, iso: string | null): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : lng === 'fr' ? 'fr-BE' : lng === 'nl' ? 'nl-BE' : lng, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

export interface VerifyPageInput {
  lng: VerifyLanguage;
  localesDir: string;
  /** What was pasted (shown again in the box). */
  pasted?: string;
  check?: CredentialCheck;
  /** A problem with the input, as a key of the texts. */
  problem?: 'notJson' | 'notFound' | 'tooLarge';
  /** The path the language links and the form point to. */
  path: string;
}

/**
 * The public verification page, rendered on the server: no login, no script, no three.js. Only
 * what an employer needs: the verdict, each check apart, and what the credential says.
 */
export function renderVerifyPage(input: VerifyPageInput): string {
  const t = texts(input.localesDir, input.lng);
  const s = (key: string, vars: Record<string, string> = {}) => {
    const [a, b] = key.split('.');
    const raw = b ? (t[a!] as Record<string, string> | undefined)?.[b] : (t[a!] as string | undefined);
    return escape((raw ?? key).replace(/\{\{(\w+)\}\}/g, (_, v: string) => vars[v] ?? ''));
  };
  const c = input.check;
  const row = (label: string, value: string, cls = '') => `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${label}</th><td>${value}</td></tr>`;
  const result = c
    ? `<section aria-live="polite" data-verdict="${c.verdict}"><h2 class="verdict ${c.verdict === 'valid' ? 'ok' : c.verdict === 'unknown-status' ? 'warn' : 'bad'}">${s(`verdict.${c.verdict}`)}</h2>
<h3>${s('checks')}</h3><table>
${row(s('signature'), c.signature.valid ? s('signatureOk') : s('signatureBad'), c.signature.valid ? 'ok' : 'bad')}
${row(s('status'), s(c.status === 'active' ? 'statusActive' : c.status === 'revoked' ? 'statusRevoked' : c.status === 'none' ? 'statusNone' : 'statusUnknown'), c.status === 'active' ? 'ok' : c.status === 'revoked' ? 'bad' : 'warn')}
${row(s('expiry'), c.expiry.validUntil ? s(c.expiry.expired ? 'expiryExpired' : 'expiryUntil', { date: date(input.lng, c.expiry.validUntil) }) : s('expiryNone'), c.expiry.expired ? 'bad' : 'ok')}
</table>
<table>
${row(s('issuer'), escape(c.summary.issuerName ?? '—'))}
${row(s('issuerId'), `<code>${escape(c.summary.issuerId ?? '—')}</code>`)}
${row(s('trainee'), escape([c.summary.subject.name, c.summary.subject.pseudonym].filter(Boolean).join(' · ') || '—'))}
${row(s('module'), escape(c.summary.module ?? '—'))}
${row(s('achieved'), date(input.lng, c.summary.achievedAt ?? c.summary.validFrom))}
${row(s('score'), c.summary.score ? `${escape(c.summary.score)}/100` : '—')}
</table>
${c.summary.alignments.length ? `<h3>${s('alignments')}</h3><ul>${c.summary.alignments.map((a) => `<li>${a.url?.startsWith('http://data.europa.eu/esco/') ? `<a href="${escape(a.url)}" rel="noopener">${escape(a.name)}</a>` : escape(a.name)}${a.description && a.description !== a.name ? ` <span lang="en">(${escape(a.description)})</span>` : ''}</li>`).join('')}</ul>` : ''}
</section>`
    : '';
  const problem = input.problem ? `<p class="bad" role="alert">${s(input.problem, { open: '{', close: '}' })}</p>` : '';
  const langs = verifyLanguages.map((l) => (l === input.lng ? `<strong>${l.toUpperCase()}</strong>` : `<a href="${escape(input.path)}?lang=${l}" hreflang="${l}">${l.toUpperCase()}</a>`)).join(' · ');
  return `<!doctype html>
<html lang="${input.lng}" dir="${input.lng === 'ar' || input.lng === 'prs' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${s('title')}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1b1b1b}
textarea{width:100%;min-height:8rem;font:13px monospace}button{font:inherit;padding:.4rem 1rem;margin-top:.5rem}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{text-align:start;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}th{width:11rem}
code{word-break:break-all;font-size:13px}.ok{color:#0a6b2d}.bad{color:#a1130d}.warn{color:#8a5a00}.verdict{font-size:1.6rem}
nav{float:inline-end}
</style></head><body>
<nav aria-label="${s('language')}">${langs}</nav>
<h1>${s('title')}</h1>
${result}${problem}
<p>${s('intro')}</p>
<form method="post" action="/verify?lang=${input.lng}"><label for="credential">${s('paste')}</label>
<textarea id="credential" name="credential" spellcheck="false">${escape(input.pasted ?? '')}</textarea>
<button type="submit">${s('check')}</button></form>
</body></html>`;
}
