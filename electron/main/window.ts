import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, type WebPreferences } from 'electron';

// Compiled layout: dist/electron/main/window.js next to dist/electron/preload/*.cjs.
const mainPreload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const setupPreload = fileURLToPath(new URL('../preload/setup.cjs', import.meta.url));

/** The same locked-down settings for every window; only the preload differs. */
function securePreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The window that shows the server's UI; the caller loads the server origin into it. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'CRM',
    webPreferences: securePreferences(mainPreload),
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/**
 * The small window asking for the server address. `currentOrigin` pre-fills the field when the user
 * changes an existing address; with a parent it is modal to it.
 */
export function createSetupWindow(currentOrigin: string | null, parent: BrowserWindow | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 520,
    height: 400,
    resizable: false,
    minimizable: parent === null,
    maximizable: false,
    show: false,
    title: 'CRM',
    ...(parent ? { parent, modal: true } : {}),
    webPreferences: securePreferences(setupPreload),
  });
  window.removeMenu();
  window.once('ready-to-show', () => window.show());
  // setup.html ships unbuilt next to the sources (see electron-builder.yml), relative to the app root.
  const page = path.join(app.getAppPath(), 'electron', 'main', 'setup.html');
  window
    .loadFile(page, currentOrigin ? { query: { current: currentOrigin } } : {})
    .catch((error: unknown) => console.error('Could not load the setup page:', error));
  return window;
}
