import { useTranslation } from 'react-i18next';
import { assetUrl } from '../world/asset-url';
import type { ReviewItem } from '../state/attempt-review';
import { ListenButton } from './listen-button';

const tags = { rule: 'feedback:rule-violated', missed: 'feedback:review-missed', wrong: 'feedback:review-done-wrong' } as const;

/** One thing to learn: its picture, what happened, the right way, and a listen button where there is a voice. */
export function ReviewEntry({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  return (
    <li className={`review-item ${item.kind}`} data-review-kind={item.kind} data-id={item.id} data-critical={item.critical ? 'true' : undefined}>
      {item.pictogram ? <img src={assetUrl(item.pictogram)} alt="" width={44} height={44} data-testid="review-pictogram" data-src={item.pictogram} /> : <span />}
      <span className="tag">{t(tags[item.kind])}</span>
      <span className="what">{t(item.textKey)}</span>
      {item.rightKey ? (
        <span className="right">
          <b>{t('feedback:review-right-way')}</b>
          {t(item.rightKey)}
        </span>
      ) : null}
      <ListenButton keys={item.rightKey ? [item.textKey, 'feedback:review-right-way', item.rightKey] : [item.textKey]} />
    </li>
  );
}
