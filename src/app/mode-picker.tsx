import { useTranslation } from 'react-i18next';
import type { Mode } from '../engine';

const modes: readonly Mode[] = ['practice', 'exam'];

/**
 * Practice (hints, feedback at once) or exam (no hints; a critical mistake fails the attempt). The
 * exam is offered only when the trainer unlocked it for the signed-in trainee.
 */
export function ModePicker({ mode, examAllowed, onMode }: { mode: Mode; examAllowed: boolean; onMode(mode: Mode): void }) {
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
    </section>
  );
}
