import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useLoad } from '../use-load';

type Country = 'BE' | 'NL';
interface Organisation {
  id: string;
  name: string;
  country: Country | null;
}

/**
 * The organisation's country (issue 6), for its admin: it decides which country's version of a
 * station (the food station's legal temperature limits) the trainees are offered.
 */
export function CountrySetting() {
  const { t } = useTranslation();
  const organisation = useLoad<Organisation>('/api/organisation');
  const [choice, setChoice] = useState<Country | ''>('');
  const [message, setMessage] = useState<string | null>(null);
  const stored = organisation.data?.country ?? null;
  useEffect(() => setChoice(stored ?? ''), [stored]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!choice) return;
    try {
      const saved = await api<Organisation>('PUT', '/api/organisation', { country: choice });
      setMessage(t('organisation.saved', { country: t(`country.${saved.country}`) }));
      organisation.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };

  return (
    <section aria-labelledby="country-title" data-testid="country-setting" data-country={stored ?? ''}>
      <h2 id="country-title">{t('organisation.title')}</h2>
      <p id="country-explain">{t('organisation.explain')}</p>
      {organisation.error ? <p role="alert">{t('app.error', { message: organisation.error })}</p> : null}
      <form onSubmit={(e) => void save(e)}>
        <label>
          {t('organisation.country')}
          <select value={choice} onChange={(e) => setChoice(e.target.value as Country | '')} aria-describedby="country-explain" disabled={!organisation.data}>
            {stored === null ? (
              <option value="" disabled>
                {t('organisation.notChosen')}
              </option>
            ) : null}
            <option value="BE">{t('country.BE')}</option>
            <option value="NL">{t('country.NL')}</option>
          </select>
        </label>
        <button type="submit" disabled={!choice || choice === stored}>
          {t('organisation.save')}
        </button>
      </form>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
