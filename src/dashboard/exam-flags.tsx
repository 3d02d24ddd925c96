import { useTranslation } from 'react-i18next';
import type { ExamFlag } from '../shared/exam-flag';
import { formatDate } from './format-date';

/**
 * An exam's flags: in the session list a short "check" mark with the reasons as its title, on the
 * session page the reasons written out. Nothing when the exam has none.
 */
export function ExamFlags({ flags, compact = false }: { flags: readonly ExamFlag[] | undefined; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!flags || flags.length === 0) return null;
  const text = (f: ExamFlag): string => {
    switch (f.kind) {
      case 'late':
        return t('examFlags.late', { expiresAt: formatDate(f.expiresAt, i18n.language) });
      case 'started-before-attempt':
        return t('examFlags.startedBeforeAttempt');
      case 'too-fast':
        return t('examFlags.tooFast', { n: f.n, action: f.action, object: f.object, gapMs: f.gapMs, minimumMs: f.minimumMs });
      case 'regular-times':
        return t('examFlags.regularTimes');
      case 'beyond-session':
        return t('examFlags.beyondSession');
    }
  };
  if (compact) {
    return (
      <span className="exam-flag" title={flags.map(text).join('\n')} data-testid="exam-flag">
        {' '}⚠ {t('examFlags.badge')}
      </span>
    );
  }
  return (
    <div className="exam-flags" role="region" aria-label={t('examFlags.title')} data-testid="exam-flags">
      <h2>{t('examFlags.title')}</h2>
      <ul>
        {flags.map((f) => (
          <li key={f.kind} data-flag={f.kind}>
            {text(f)}
          </li>
        ))}
      </ul>
    </div>
  );
}
