import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import { languageInfo, languages, sourceLanguage } from '../i18n/languages';
import { LiveApp } from './live-app';
import { ReplayApp } from './replay-app';
import { replayRequest } from './replay-request';
import './replay.css';

/** The dashboard keeps the trainer's language here (src/dashboard/i18n.ts). */
const dashboardLanguageKey = 'werkvloer.dashboard.language';

/**
 * The replay page (replay.html, issue 28): a trainer's look at a session of their organisation, or a
 * trainee's own attempt from the end screen, or a running attempt live (`?live=<attempt id>`). Its own entry, so three.js never enters the dashboard.
 */
const request = replayRequest(location.search);
const wanted = [request.language, localStorage.getItem(dashboardLanguageKey)];
const lng = wanted.find((c) => c && languages.some((l) => l.code === c)) ?? sourceLanguage;
const info = languageInfo(lng);
document.documentElement.lang = info.code;
document.documentElement.dir = info.dir;
const i18n = createI18n(lng);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <Suspense fallback={null}>
        {request.liveAttemptId ? <LiveApp attemptId={request.liveAttemptId} /> : <ReplayApp request={request} />}
      </Suspense>
    </I18nextProvider>
  </StrictMode>,
);
