import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureTextBuilder } from 'troika-three-text';
import { defaultFontUrl } from './i18n/fonts';
import { App } from './app/app';
import './app/app.css';

// Must run before any text is built: otherwise troika fetches fallback fonts from a CDN (RECIPES.md).
configureTextBuilder({ defaultFontURL: defaultFontUrl });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
