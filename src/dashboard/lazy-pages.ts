import { lazy } from 'react';

/**
 * Every page in its own chunk, fetched when first opened: the login and the shell load alone, and
 * the charts, qrcode and the later issues' pages come only with the page that needs them.
 */
export const SessionsPage = lazy(() => import('./pages/sessions-page').then((m) => ({ default: m.SessionsPage })));
export const GroupsPage = lazy(() => import('./pages/groups-page').then((m) => ({ default: m.GroupsPage })));
export const GroupPage = lazy(() => import('./pages/group-page').then((m) => ({ default: m.GroupPage })));
export const QrSheetPage = lazy(() => import('./pages/qr-sheet-page').then((m) => ({ default: m.QrSheetPage })));
export const TraineePage = lazy(() => import('./pages/trainee-page').then((m) => ({ default: m.TraineePage })));
export const SessionPage = lazy(() => import('./pages/session-page').then((m) => ({ default: m.SessionPage })));
export const TrainersPage = lazy(() => import('./pages/trainers-page').then((m) => ({ default: m.TrainersPage })));
export const TraineeReportPage = lazy(() => import('./pages/trainee-report-page').then((m) => ({ default: m.TraineeReportPage })));
export const GroupReportPage = lazy(() => import('./pages/group-report-page').then((m) => ({ default: m.GroupReportPage })));
export const LrsPage = lazy(() => import('./pages/lrs-page').then((m) => ({ default: m.LrsPage })));
export const AccountPage = lazy(() => import('./pages/account-page').then((m) => ({ default: m.AccountPage })));
export const PassportPage = lazy(() => import('./pages/passport-page').then((m) => ({ default: m.PassportPage })));
export const LiveClassPage = lazy(() => import('./pages/live-class-page').then((m) => ({ default: m.LiveClassPage })));
export const VoicesPage = lazy(() => import('./pages/voices-page').then((m) => ({ default: m.VoicesPage })));
