import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { api, setCsrfToken } from './api';
import { dashboardLanguages, setDashboardLanguage } from './i18n';
import { nativeName } from '../i18n/languages';
import { GroupPage } from './pages/group-page';
import { GroupsPage } from './pages/groups-page';
import { AccountPage } from './pages/account-page';
import { LoginPage } from './pages/login-page';
import { ResetPasswordPage } from './pages/reset-password-page';
import { LrsPage } from './pages/lrs-page';
import { QrSheetPage } from './pages/qr-sheet-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { TraineePage } from './pages/trainee-page';
import { TrainersPage } from './pages/trainers-page';

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

/** Shell: who is logged in, the language, the navigation, and the pages under the URL hash. */
export function DashboardApp() {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
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
      <LoginPage
        languagePicker={languagePicker}
        onLoggedIn={(m) => {
          setCsrfToken(m.csrfToken);
          setMe(m);
        }}
      />
    );
  }
  const refreshMe = () => void api<Me>('GET', '/api/auth/me').then(setMe, () => setMe(null));
  const logout = async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    setMe(null);
    location.hash = '';
  };
  return (
    <Router hook={useHashLocation}>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('app.skip')}
      </a>
      <header className="top">
        <strong>{t('app.title')}</strong>
        <span className="org">{me.trainer.organisation.name}</span>
        <nav aria-label={t('app.navigation')}>
          <Link href="/">{t('nav.sessions')}</Link>
          <Link href="/groups">{t('nav.groups')}</Link>
          {me.trainer.role === 'admin' ? <Link href="/trainers">{t('nav.trainers')}</Link> : null}
          <Link href="/account">{t('account.nav', { ns: 'accounts' })}</Link>
          {me.trainer.role === 'admin' ? <Link href="/lrs">{t('nav.lrs')}</Link> : null}
        </nav>
        {languagePicker}
        <span className="who">{me.trainer.email}</span>
        <button type="button" onClick={() => void logout()} data-action="logout">
          {t('app.logout')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {me.trainer.secondFactorRequired ? (
          <AccountPage me={me} onChanged={refreshMe} />
        ) : (
        <Switch>
          <Route path="/account">{() => <AccountPage me={me} onChanged={refreshMe} />}</Route>
          <Route path="/">{() => <SessionsPage />}</Route>
          <Route path="/groups">{() => <GroupsPage />}</Route>
          <Route path="/groups/:id">{(p) => <GroupPage id={p.id} />}</Route>
          <Route path="/groups/:id/cards">{(p) => <QrSheetPage id={p.id} />}</Route>
          <Route path="/trainees/:id">{(p) => <TraineePage id={p.id} />}</Route>
          <Route path="/sessions/:id">{(p) => <SessionPage id={p.id} />}</Route>
          <Route path="/trainers">{() => <TrainersPage me={me} />}</Route>
          <Route path="/lrs">{() => <LrsPage />}</Route>
          <Route>{() => <p role="alert">{t('app.notFound')}</p>}</Route>
        </Switch>
        )}
      </main>
    </Router>
  );
}
