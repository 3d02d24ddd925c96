import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOtherLanguage } from './use-other-language';
import { formatDate } from './format-date';

export interface CardData {
  trainee: { id: string; code: string; alias: string | null };
  joinCode: string;
  expiresAt: string;
  /** The trainee's language when known (their latest session's): the card's second instruction line. */
  language?: string | null;
}

/** A picture of a headset looking at a card: "scan me" for trainees who read little Dutch. */
function ScanPicture() {
  return (
    <svg width="44" height="28" viewBox="0 0 44 28" aria-hidden="true" focusable="false">
      <rect x="1" y="6" width="26" height="16" rx="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <circle cx="9" cy="14" r="3" fill="currentColor" />
      <circle cx="19" cy="14" r="3" fill="currentColor" />
      <path d="M29 14h5" stroke="currentColor" strokeWidth="2.5" strokeDasharray="2 2" />
      <rect x="35" y="8" width="8" height="12" fill="none" stroke="currentColor" strokeWidth="2" />
      <rect x="37" y="10" width="2" height="2" fill="currentColor" />
      <rect x="40" y="15" width="2" height="3" fill="currentColor" />
    </svg>
  );
}

function Card({ card, address }: { card: CardData; address: string }) {
  const { t, i18n } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const nl = useOtherLanguage('nl');
  const own = useOtherLanguage(card.language && card.language !== 'nl' ? card.language : null);
  useEffect(() => {
    let live = true;
    void toDataURL(`${address.replace(/\/+$/, '')}/?join=${card.joinCode}`, { margin: 1, width: 160, errorCorrectionLevel: 'M' }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [address, card.joinCode]);
  const code = card.joinCode.replace(/^(.{4})(.{4})$/, '$1 $2');
  // Typing the code needs the app open first: the card names the address the QR code points at.
  const site = address.replace(/\/+$/, '');
  const dir = (lng: string) => (['ar', 'prs'].includes(lng) ? 'rtl' : 'ltr');
  return (
    <li className="qr-card" data-join-code={card.joinCode}>
      <p className="app-name">werkvloer</p>
      {qr ? <img src={qr} alt={t('cards.qrAlt', { code: card.trainee.code })} width={160} height={160} /> : <p role="status">{t('app.loading')}</p>}
      <p className="scan">
        <ScanPicture />
        {nl ? nl('qr.scanMe') : null}
      </p>
      <p className="join-code">{code}</p>
      <p>
        {card.trainee.code}
        {card.trainee.alias ? ` · ${card.trainee.alias}` : ''}
      </p>
      <div className="steps">
        {nl ? (
          <p lang="nl" dir="ltr" data-card-line="nl">
            {nl('qr.instructions', { code, address: site })}
          </p>
        ) : null}
        {own && card.language ? (
          <p lang={card.language} dir={dir(card.language)} data-card-line={card.language}>
            {own('qr.instructions', { code, address: site })}
          </p>
        ) : null}
      </div>
      <p className="small">{t('cards.validUntil', { date: formatDate(card.expiresAt, i18n.language, 'date') })}</p>
    </li>
  );
}

/** One printable sheet of QR cards: each opens the app at `address` with the join code shown on it. */
export function QrCards({ cards, address }: { cards: CardData[]; address: string }) {
  return (
    <ul className="qr-sheet" data-testid="qr-sheet">
      {cards.map((c) => (
        <Card key={c.trainee.id} card={c} address={address} />
      ))}
    </ul>
  );
}

/** The address QR cards point at: the server's LAN HTTPS address (as `npm start` prints it), else this page's. */
export function defaultCardAddress(headsetUrls: string[] | undefined): string {
  return headsetUrls?.[0]?.replace(/\/+$/, '') ?? location.origin;
}
