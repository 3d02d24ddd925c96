import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { useLoad } from './use-load';
import { formatDate } from './format-date';

interface Note {
  id: string;
  text: string;
  author: string;
  createdAt: string;
}

/** A trainer's short notes on a trainee, newest first (what to practise next, what was discussed). */
export function TraineeNotes({ traineeId }: { traineeId: string }) {
  const { t, i18n } = useTranslation();
  const notes = useLoad<{ notes: Note[] }>(`/api/trainees/${traineeId}/notes`);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const sent = text;
    try {
      await api('POST', `/api/trainees/${traineeId}/notes`, { text: sent });
      // Clear only what was sent: a trainer who already typed the next note keeps it.
      setText((current) => (current === sent ? '' : current));
      setError(null);
      notes.reload();
    } catch (err) {
      setError(t('app.error', { message: (err as Error).message }));
    }
  };
  const remove = async (id: string) => {
    await api('DELETE', `/api/trainees/${traineeId}/notes/${id}`).catch((err: Error) => setError(t('app.error', { message: err.message })));
    notes.reload();
  };
  return (
    <div className="card" data-testid="notes">
      <h2>{t('notes.title')}</h2>
      {notes.data?.notes.length === 0 ? <p className="hint">{t('notes.none')}</p> : null}
      <ul className="notes">
        {notes.data?.notes.map((n) => (
          <li key={n.id} data-note={n.id}>
            <span>{n.text}</span>{' '}
            <span className="small">
              {formatDate(n.createdAt, i18n.language)} · {n.author}
            </span>{' '}
            <button type="button" className="secondary no-print" onClick={() => void remove(n.id)} aria-label={t('notes.deleteOne', { text: n.text.slice(0, 40) })}>
              {t('notes.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} className="no-print">
        <label>
          {t('notes.label')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={500} rows={2} name="note" required />
        </label>
        <button type="submit" data-action="add-note">
          {t('notes.add')}
        </button>
        {error ? <p role="alert">{error}</p> : null}
      </form>
    </div>
  );
}
