import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from './dashboard-app';
import { initDashboardI18n } from './i18n';
import '@picocss/pico/css/pico.blue.min.css';
import './dashboard.css';

/** The trainer dashboard (dashboard.html): React DOM only, no three.js anywhere in its imports. */
void initDashboardI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <DashboardApp />
    </StrictMode>,
  );
});
