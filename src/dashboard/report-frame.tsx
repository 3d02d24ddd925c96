import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

interface Props {
  /** Names the page for screen readers (the report's title). */
  label: string;
  back: { href: string; text: string };
  /** What this report holds and in which languages (on screen only). */
  explain: string;
  testId: string;
  /** The sheet's language and direction when it has one (the group report: Dutch); a trainee's copies carry their own. */
  lang?: string;
  children: ReactNode;
}

/** The frame both printed reports share: the way back and the print button (never printed), the explanation, the A4 sheet. */
export function ReportFrame({ label, back, explain, testId, lang, children }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-label={label}>
      <div className="no-print inline">
        <Link href={back.href}>{back.text}</Link>
        <button type="button" className="primary" onClick={() => window.print()} data-action="print-report">
          {t('report.print')}
        </button>
      </div>
      <p className="hint no-print">{explain}</p>
      <article className="report" data-testid={testId} {...(lang ? { lang, dir: 'ltr' } : {})}>
        {children}
      </article>
    </section>
  );
}
