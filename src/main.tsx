import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startWork } from './app/start-work';
import './styles/app.css';

// With a share link in the address, the first paint waits for it (no flash of other work).
void startWork().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

// Offline after the first visit (a classroom projector may have no network): production only,
// so the dev server's modules are never cached.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => console.warn('Podlab works online only:', error));
  });
}
