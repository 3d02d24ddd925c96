import { useTranslation } from 'react-i18next';
import type { Mode } from '../engine';

const modes: readonly Mode[] = ['practice', 'exam'];

/** Where asking the server for an exam attempt stands (see requestExamAttempt); null: not asked. */
export type ExamStart = 'starting' | 'offline' | 'refused' | null;

const examStartText = { starting: 'start.examStarting', offline: 'start.examOffline', refused: 'start.examRefused' } as const;

/**
 * Practice (hints, feedback at once) or exam (no hints; a critical mistake fails the attempt). The
 * exam is offered only when the trainer unlocked it for the signed-in trainee.
 */
export function ModePicker({ mode, examAllowed, examStart = null, onMode }: { mode: Mode; examAllowed: boolean; examStart?: ExamStart; onMode(mode: Mode): void }) {
  const { t } = useTranslation('ui');
  return (
    <section aria-labelledby="mode-heading">
      <h2 id="mode-heading">{t('start.chooseMode')}</h2>
      <div className="choices" role="group" aria-labelledby="mode-heading">
        {modes.filter((m) => m === 'practice' || examAllowed).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} data-mode={m} onClick={() => onMode(m)}>
            {t(`start.mode.${m}`)}
          </button>
        ))}
      </div>
      {/* An exam counts only under an attempt the server issues when it starts: say so before it fails. */}
      {examAllowed ? <p data-testid="exam-online">{t('start.examOnline')}</p> : null}
      {examStart ? (
        <p role={examStart === 'starting' ? 'status' : 'alert'} data-exam-start={examStart}>
          {t(examStartText[examStart])}
        </p>
      ) : null}
    </section>
  );
}
