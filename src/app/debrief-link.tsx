import { useTranslation } from 'react-i18next';

export interface DebriefLinkProps {
  sessionId: string;
  language: string;
}

/**
 * "Replay from my first mistake" on the end screen (issue 28): the replay page with the trainee's own
 * token, paused at the mistake, through their own eyes, with the instruction due then in their language.
 * Its own small chunk with the replay's texts: only an attempt with a mistake, once saved, shows it.
 */
export default function DebriefLink({ sessionId, language }: DebriefLinkProps) {
  const { t } = useTranslation('replay');
  const query = new URLSearchParams({ session: sessionId, from: 'first-mistake', as: 'trainee', lng: language });
  return (
    <a className="button" href={`/replay.html?${query.toString()}`} data-action="replay-mistake">
      {t('debrief')}
    </a>
  );
}
