import { useTranslation } from 'react-i18next';
import type { Mode } from '../engine';

const modes: readonly Mode[] = ['practice', 'exam'];

/** Practice (hints, feedback at once) or exam (no hints; a critical mistake fails the attempt). */
export function ModePicker({ mode, onMode }: { mode: Mode; onMode(mode: Mode): void }) {
  const { t } = useTranslation('ui');
  return (
    <section aria-labelledby="mode-heading">
      <h2 id="mode-heading">{t('start.chooseMode')}</h2>
      <div className="choices" role="group" aria-labelledby="mode-heading">
        {modes.map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} data-mode={m} onClick={() => onMode(m)}>
            {t(`start.mode.${m}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
