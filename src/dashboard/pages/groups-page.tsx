import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';
import { EmptyState } from '../empty-state';
import { useLoad } from '../use-load';
import { formatDate } from '../format-date';

export interface Group {
  id: string;
  name: string;
  createdAt: string;
}

export function GroupsPage() {
  const { t, i18n } = useTranslation();
  const groups = useLoad<{ groups: Group[] }>('/api/groups');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', '/api/groups', { name });
      setName('');
      setError(null);
      groups.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="groups-title">
      <h1 id="groups-title">{t('groups.title')}</h1>
      {groups.loading && !groups.data ? <p role="status">{t('app.loading')}</p> : null}
      {groups.error ? <p role="alert">{groups.error}</p> : null}
      {groups.data?.groups.length === 0 ? (
        <EmptyState title={t('groups.none')} testId="groups-empty">
          {t('empty.groupsNext')}
        </EmptyState>
      ) : null}
      <ul className="figures" data-testid="groups">
        {groups.data?.groups.map((g) => (
          <li key={g.id}>
            <Link href={`/groups/${g.id}`}>{g.name}</Link>
            <span className="figure-label">{t('empty.since', { date: formatDate(g.createdAt, i18n.language, 'date') })}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} className="inline card">
        <label>
          {t('groups.name')}
          <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} name="group-name" />
        </label>
        <button type="submit" data-action="add-group">
          {t('groups.add')}
        </button>
        {error ? <p role="alert">{t('app.error', { message: error })}</p> : null}
      </form>
    </section>
  );
}
