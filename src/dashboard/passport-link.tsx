import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { usePassportTexts } from './passport-texts';

/** The trainee page's link to the skills passport, in the dashboard's language. */
export function PassportLink({ traineeId }: { traineeId: string }) {
  const { i18n } = useTranslation();
  const t = usePassportTexts(i18n.language);
  if (!t) return null;
  return (
    <Link href={`/trainees/${traineeId}/passport`} data-action="trainee-passport">
      {t('link')}
    </Link>
  );
}
