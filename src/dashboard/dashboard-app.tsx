import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { api, setCsrfToken } from './api';
import { maybeSignedIn, rememberSignedIn } from './signed-in-hint';
import { dashboardLanguages, setDashboardLanguage } from './i18n';
import { nativeName } from '../i18n/languages';
import { LoginPage } from './pages/login-page';
import { ResetPasswordPage } from './pages/reset-password-page';
import { AccountPage, GroupPage, GroupReportPage, GroupsPage, LrsPage, QrSheetPage, SessionPage, SessionsPage, TraineePage, TraineeReportPage, TrainersPage } from './lazy-pages';
import { LiveClassPage, PassportPage, VoicesPage } from './lazy-pages';

export interface Me {
  trainer: {
    id: string;
    email: string;
    role: 'admin' | 'trainer';
    organisation: { id: string; name: string };
    /** A second factor is set up / must be set up before anything else (pages/account-page.tsx). */
    secondFactor?: boolean;
    secondFactorRequired?: boolean;
  };
  csrfToken: string;
}

/** A menu entry, marked as the current page for its own path and the pages under it. */
function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const current = href === '/' ? location === '/' || location.startsWith('/sessions') : location === href || location.startsWith(`${href}/`);
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

/** Shell: who is logged in, the language, the navigation, and the pages under the URL hash. */
export function DashboardApp() {
  const { t, i18n } = useTranslation();
  // Nobody signed in on this browser: the login at once, without a 401 from asking the server.
  const [me, setMe] = useState<Me | null | undefined>(() => (maybeSignedIn() ? undefined : null));
  useEffect(() => {
    if (!maybeSignedIn()) return;
    api<Me>('GET', '/api/auth/me').then(
      (m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      },
      () => setMe(null),
    );
  }, []);
  useEffect(() => {
    document.title = `${t('app.title')} — werkvloer`;
  }, [t, i18n.language]);

  const languagePicker = (
    <label className="language">
      {t('app.language')}{' '}
      <select value={i18n.language} onChange={(e) => void setDashboardLanguage(e.target.value)} data-testid="language">
        {dashboardLanguages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {nativeName(l.code)}
          </option>
        ))}
      </select>
    </label>
  );

  if (me === undefined) return <p role="status">{t('app.loading')}</p>;
  const resetToken = /^#\/reset\/([A-Za-z0-9_-]{43})$/.exec(location.hash)?.[1];
  if (me === null && resetToken) {
    return <ResetPasswordPage token={resetToken} languagePicker={languagePicker} onDone={() => (location.hash = '', setMe(null))} />;
  }
  if (me === null) {
    return (
      <div className="login-shell">
        <LoginPage
          languagePicker={languagePicker}
          onLoggedIn={(m) => {
            setCsrfToken(m.csrfToken);
            rememberSignedIn(true);
            setMe(m);
          }}
        />
      </div>
    );
  }
  const refreshMe = () => void api<Me>('GET', '/api/auth/me').then(setMe, () => setMe(null));
  const logout = async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    rememberSignedIn(false);
    setMe(null);
    location.hash = '';
  };
  return (
    <Router hook={useHashLocation}>
      <div className="shell">
        <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
          {t('app.skip')}
        </a>
        <nav className="side" aria-label={t('app.navigation')}>
          <ul>
            <NavLink href="/">{t('nav.sessions')}</NavLink>
            <NavLink href="/groups">{t('nav.groups')}</NavLink>
            <NavLink href="/live">{t('nav.live')}</NavLink>
            {me.trainer.role === 'admin' ? <NavLink href="/trainers">{t('nav.trainers')}</NavLink> : null}
            {me.trainer.role === 'admin' ? <NavLink href="/lrs">{t('nav.lrs')}</NavLink> : null}
            <NavLink href="/voices">{t('nav.voices')}</NavLink>
            <NavLink href="/account">{t('account.nav', { ns: 'accounts' })}</NavLink>
          </ul>
        </nav>
        <header className="top">
          <span className="brand">
            <strong>{t('app.title')}</strong>
            <span className="org">{me.trainer.organisation.name}</span>
          </span>
          <span className="tools">
            {languagePicker}
            <span className="who">{me.trainer.email}</span>
            <button type="button" className="secondary" onClick={() => void logout()} data-action="logout">
              {t('app.logout')}
            </button>
          </span>
        </header>
        <main id="main" className="page" tabIndex={-1}>
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            {me.trainer.secondFactorRequired ? (
              <AccountPage me={me} onChanged={refreshMe} />
            ) : (
            <Switch>
              <Route path="/account">{() => <AccountPage me={me} onChanged={refreshMe} />}</Route>
              <Route path="/">{() => <SessionsPage />}</Route>
              <Route path="/groups">{() => <GroupsPage />}</Route>
              <Route path="/live">{() => <LiveClassPage />}</Route>
              <Route path="/groups/:id">{(p) => <GroupPage id={p.id} />}</Route>
              <Route path="/groups/:id/cards">{(p) => <QrSheetPage id={p.id} />}</Route>
              <Route path="/trainees/:id">{(p) => <TraineePage id={p.id} />}</Route>
              <Route path="/sessions/:id">{(p) => <SessionPage id={p.id} />}</Route>
              <Route path="/trainers">{() => <TrainersPage me={me} />}</Route>
              <Route path="/lrs">{() => <LrsPage />}</Route>
              <Route path="/voices">{() => <VoicesPage me={me} />}</Route>
              <Route path="/trainees/:id/report">{(p) => <TraineeReportPage id={p.id} />}</Route>
              <Route path="/trainees/:id/passport">{(p) => <PassportPage id={p.id} />}</Route>
              <Route path="/groups/:id/report">{(p) => <GroupReportPage id={p.id} />}</Route>
              <Route>{() => <p role="alert">{t('app.notFound')}</p>}</Route>
            </Switch>
            )}
          </Suspense>
        </main>
      </div>
    </Router>
  );
}
