import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Scenario } from '../engine';
import { sameWord } from './same-word';
import { vocabulary } from './vocabulary';

/** One Dutch word and the trainee's translation: the Dutch always left to right, in Latin script. */
export function WordPair({ scenario, object }: { scenario: Scenario; object: string }) {
  const { t } = useTranslation();
  const o = scenario.objects.find((x) => x.id === object);
  if (!o) return null;
  const translation = t(`${scenario.id}:${o.name}`);
  return (
    <>
      <strong lang="nl" dir="ltr">
        {o.term}
      </strong>
      {sameWord(o.term, translation) ? null : <span> · {translation}</span>}
    </>
  );
}

/** The object pointed at right now (desktop hover; the VR panel shows the same line in 3D). */
export function PointedWord({ scenario }: { scenario: Scenario }) {
  const pointed = useStore(vocabulary, (s) => s.pointed);
  // The line keeps its place when nothing is pointed at: an overlay that grew on hover would slide
  // over the very object the trainee is about to click.
  return (
    <p className="term pointed" data-testid="pointed-word" data-object={pointed ?? ''} aria-hidden={pointed ? undefined : true}>
      {pointed ? <WordPair scenario={scenario} object={pointed} /> : null}
    </p>
  );
}

/** The end screen's list of the Dutch words met in this session. */
export function WordsMet({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const met = useStore(vocabulary, (s) => s.met);
  if (met.length === 0) return null;
  return (
    <section className="words" data-testid="words-met">
      <h3>{t('ui:vocabulary.title')}</h3>
      <ul>
        {met.map((id) => (
          <li key={id} data-object={id}>
            <WordPair scenario={scenario} object={id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
