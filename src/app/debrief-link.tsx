import { useTranslation } from 'react-i18next';
import type { EngineState, Scenario } from '../engine';
import { debriefUrl } from '../state/debrief-offer';

export interface DebriefLinkProps {
  sessionId: string;
  language: string;
  scenario: Scenario;
  engine: EngineState;
}

/** One moment of the attempt that went wrong: its time and what went wrong then (mistakes and rules broken by one action). */
interface Slip {
  t: number;
  texts: string[];
}

/**
 * "Replay from my first mistake" on the end screen (issue 28), and under it every slip of the
 * attempt, each with its own "replay this mistake": the replay page with the trainee's own token,
 * paused at that moment, through their own eyes, with the instruction due then in their language.
 * Its own small chunk with the replay's texts: only an attempt with a slip, once saved, shows it.
 */
export default function DebriefLink({ sessionId, language, scenario, engine }: DebriefLinkProps) {
  const { t } = useTranslation('replay');
  const ns = scenario.id;
  const stepText = (id: string | null) => {
    const step = scenario.steps.find((s) => s.id === id);
    return step ? t(step.instruction, { ns }) : t('noStep');
  };
  const byMoment = new Map<number, Slip>();
  const add = (at: number, text: string) => {
    const slip = byMoment.get(at) ?? { t: at, texts: [] };
    if (!slip.texts.includes(text)) slip.texts.push(text);
    byMoment.set(at, slip);
  };
  for (const m of engine.mistakes) add(m.t, t('mark.mistake', { step: stepText(m.step) }));
  for (const v of engine.violations) {
    const rule = [...scenario.rules, ...scenario.sequences].find((r) => r.id === v.rule);
    add(v.t, t('mark.violation', { rule: rule ? t(rule.message, { ns }) : v.rule }));
  }
  const slips = [...byMoment.values()].sort((a, b) => a.t - b.t);
  return (
    <div className="debrief" data-testid="debrief">
      <a className="button" href={debriefUrl(sessionId, language)} data-action="replay-mistake">
        {t('debrief')}
      </a>
      {slips.length > 1 ? (
        <ol className="debrief-slips">
          {slips.map((slip) => (
            <li key={slip.t} data-t={slip.t}>
              <span>{slip.texts.join(' · ')}</span>{' '}
              <a href={debriefUrl(sessionId, language, slip.t)} data-action="replay-slip" data-t={slip.t}>
                {t('debriefAt')}
              </a>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
