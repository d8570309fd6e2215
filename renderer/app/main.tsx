import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerGridModules } from '../grid/registerGridModules';
import { I18nProvider } from '../i18n/I18nProvider';
import { ToastProvider } from '../ui/ToastProvider';
import '../ui/ui.css';
import './app.css';
import { App } from './App';

registerGridModules();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ToastProvider>
        <App />
      </ToastProvider>
    </I18nProvider>
  </StrictMode>,
);
