import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { toDataURL } from 'qrcode';
import { api, ApiError } from '../api';
import { usePassportTexts } from '../passport-texts';
import { useLoad } from '../use-load';

interface Credential {
  id: string;
  moduleId: string;
  title: string;
  titleNl: string;
  /** In the trainee's language (their last session's). */
  titleOwn: string | null;
  state: 'queued' | 'issued' | 'failed';
  achievedAt: string;
  issuedAt: string | null;
  validUntil: string | null;
  expired: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
  score: string | null;
  competencies: Record<string, number>;
  verifyUrl: string | null;
  alignments: { uri: string; kind: 'occupation' | 'skill'; labels: { en: string; fr: string | null; nl: string | null } }[];
}

interface Passport {
  trainee: { id: string; code: string; alias: string | null; language: string | null };
  subjectName: string | null;
  issuer: { name: string; did: string; kind: 'did:key' | 'did:web'; fingerprint: string };
  credentials: Credential[];
  words: string[];
}

const competencies = ['safety', 'quality', 'numeracy', 'language', 'problem-solving', 'procedure'];
const rtlLanguages = ['ar', 'prs'];

function stateOf(c: Credential): string {
  if (c.revokedAt) return 'revoked';
  if (c.state !== 'issued') return c.state;
  return c.expired ? 'expired' : 'valid';
}

/** Each live credential's QR code to its verification address (made in the browser, offline). */
function useQrCodes(credentials: Credential[]): Record<string, string> {
  const [codes, setCodes] = useState<Record<string, string>>({});
  const key = credentials.map((c) => c.verifyUrl ?? '').join('|');
  useEffect(() => {
    let live = true;
    const wanted = credentials.filter((c) => c.verifyUrl);
    void Promise.all(wanted.map(async (c) => [c.id, await toDataURL(c.verifyUrl!, { margin: 1, width: 132, errorCorrectionLevel: 'M' })] as const)).then((pairs) => live && setCodes(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the addresses are the whole input
  }, [key]);
  return codes;
}

/** One printed copy of the passport in one language; the browser shapes Arabic and Tigrinya as it prints. */
function PassportCopy({ lng, t, p, qr }: { lng: string; t: TFunction; p: Passport; qr: Record<string, string> }) {
  const locale = lng === 'nl' ? 'nl-BE' : lng;
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(locale) : '–');
  const live = p.credentials.filter((c) => c.state === 'issued' && !c.revokedAt && !c.expired);
  const profile = competencies
    .map((name) => {
      const values = live.map((c) => c.competencies[name]).filter((v): v is number => typeof v === 'number');
      return { name, value: values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null };
    })
    .filter((x) => x.value !== null);
  return (
    <div className="copy passport-copy" lang={lng} dir={rtlLanguages.includes(lng) ? 'rtl' : 'ltr'} data-copy={lng}>
      <h1>{t('title')}</h1>
      <p>
        {t('trainee')}: <strong>{p.subjectName ? `${p.subjectName} · ` : ''}<bdi>{p.trainee.code}</bdi></strong>
        <br />
        {t('issuer')}: <strong>{p.issuer.name}</strong>
        <br />
        {p.issuer.kind === 'did:key' ? (
          <>
            {t('fingerprint')}: <code dir="ltr">{p.issuer.fingerprint}</code>
          </>
        ) : (
          <>
            {t('key')}: <code dir="ltr">{p.issuer.did}</code>
          </>
        )}
      </p>
      <h2>{t('modules')}</h2>
      {p.credentials.length === 0 ? <p>{t('none')}</p> : null}
      <ul className="passport-credentials">
        {p.credentials.map((c) => (
          <li key={c.id} data-credential={c.id} data-state={stateOf(c)}>
            {qr[c.id] && !c.revokedAt ? <img src={qr[c.id]} alt={t('qrAlt', { module: c.titleNl })} width={132} height={132} /> : null}
            <div>
              <h3>
                {lng === 'nl' ? c.titleNl : (c.titleOwn ?? c.titleNl)}
                {lng !== 'nl' ? <span lang="nl"> · {c.titleNl}</span> : null}
              </h3>
              <p>
                {t('achieved')}: {date(c.achievedAt)} · {t('score')}: {c.score ?? '–'}/100 · {c.validUntil ? t('validUntil', { date: date(c.validUntil) }) : t('noExpiry')}
                <br />
                {t('status')}: <strong>{t(`state.${stateOf(c)}`)}</strong>
                {c.revokedReason ? ` (${c.revokedReason})` : ''}
              </p>
              {c.alignments.length ? (
                <p className="alignments">
                  ESCO: {c.alignments.map((a) => (lng === 'fr' ? a.labels.fr : lng === 'nl' ? a.labels.nl : null) ?? a.labels.en).join(' · ')}
                </p>
              ) : null}
              {c.verifyUrl && !c.revokedAt ? (
                <p className="verify-at">
                  {t('verifyAt')}: <code dir="ltr">{c.verifyUrl}</code>
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {profile.length ? (
        <>
          <h2>{t('profile')}</h2>
          <table>
            <tbody>
              {profile.map((x) => (
                <tr key={x.name}>
                  <th scope="row">{t(`competency.${x.name}`)}</th>
                  <td className="num">{x.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {p.words.length ? (
        <>
          <h2>{t('words')}</h2>
          <p lang="nl" dir="ltr" className="passport-words">
            {p.words.join(' · ')}
          </p>
        </>
      ) : null}
    </div>
  );
}

/** Revoke with a reason, for one credential. */
function RevokeForm({ t, c, onDone }: { t: TFunction; c: Credential; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/api/passport/credentials/${c.id}/revoke`, { reason });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="inline" onSubmit={(e) => void submit(e)} data-revoke={c.id}>
      <label>
        {t('revokeReason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} maxLength={500} required name="reason" />
      </label>
      <button type="submit" data-action="revoke-credential">
        {t('revoke')}
      </button>
      {error ? <span role="alert">{error}</span> : null}
    </form>
  );
}

/** Enter the trainee's name for the credentials issued from now on, only with their consent. */
function NameForm({ t, p, onDone }: { t: TFunction; p: Passport; onDone: () => void }) {
  const [name, setName] = useState(p.subjectName ?? '');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('PUT', `/api/trainees/${p.trainee.id}/passport-name`, { name: name.trim() || null, consent });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="inline" onSubmit={(e) => void submit(e)}>
      <label>
        {t('name')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} name="name" />
      </label>
      <label className="check">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} required />
        {t('nameConsent')}
      </label>
      <button type="submit">{t('saveName')}</button>
      {error ? <span role="alert">{error}</span> : null}
    </form>
  );
}

/** A trainee's skills passport: their credentials, printable on A4 in Dutch and their own language. */
export function PassportPage({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const p = useLoad<Passport>(`/api/trainees/${id}/passport?lng=${i18n.language}`);
  const t = usePassportTexts(i18n.language);
  const nl = usePassportTexts('nl');
  const own = p.data?.trainee.language && p.data.trainee.language !== 'nl' ? p.data.trainee.language : null;
  const ownT = usePassportTexts(own);
  const qr = useQrCodes(p.data?.credentials ?? []);
  if (p.error) return <p role="alert">{p.error}</p>;
  if (!p.data || !t || !nl) return <p role="status">…</p>;
  const data = p.data;
  return (
    <section aria-label={t('title')}>
      <div className="no-print inline">
        <Link href={`/trainees/${id}`}>{t('back')}</Link>
        <button type="button" className="primary" onClick={() => window.print()} data-action="print-passport">
          {t('print')}
        </button>
        <a href={`/api/trainees/${id}/passport/europass`} download data-action="europass-export">
          {t('europass')}
        </a>
      </div>
      <p className="hint no-print">{own ? t('explain') : t('explainDutchOnly')}</p>
      <details className="no-print">
        <summary>{t('manage')}</summary>
        <NameForm t={t} p={data} onDone={p.reload} />
        <ul>
          {data.credentials.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong> · {t(`state.${stateOf(c)}`)}{' '}
              {c.state === 'issued' ? (
                <a href={`/api/passport/credentials/${c.id}`} download data-action="download-credential">
                  {t('download')}
                </a>
              ) : null}
              {c.state === 'issued' && !c.revokedAt ? <RevokeForm t={t} c={c} onDone={p.reload} /> : null}
            </li>
          ))}
        </ul>
      </details>
      <article className="report passport" data-testid="passport">
        <PassportCopy lng="nl" t={nl} p={data} qr={qr} />
        {own && ownT ? <PassportCopy lng={own} t={ownT} p={data} qr={qr} /> : null}
      </article>
    </section>
  );
}
