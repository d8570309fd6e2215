// Entry of the desktop shell: a thin, locked window onto the CRM server (DESIGN.md rule 7).
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { APP_ID } from './appId.js';
import { registerIpcHandlers } from './ipc.js';
import { buildAppMenu } from './menu.js';
import { applySecurityPolicies } from './security.js';
import { createServerSettings } from './settings.js';
import { vi } from './vi.js';
import { createMainWindow, createSetupWindow } from './window.js';

/** Chromium's net::ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

// Both only take effect before 'ready'.
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (app.requestSingleInstanceLock()) {
  await run().catch((error: unknown) => {
    console.error(error);
    dialog.showErrorBox(vi.startFailedTitle, String(error));
    app.exit(1);
  });
} else {
  app.quit(); // The running copy comes to the front through its 'second-instance' event.
}

async function run(): Promise<void> {
  let serverOrigin: string | null = null;
  let mainWindow: BrowserWindow | null = null;
  let setupWindow: BrowserWindow | null = null;

  app.on('window-all-closed', () => app.quit());
  app.on('second-instance', () => {
    const window = setupWindow ?? mainWindow;
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  await app.whenReady();
  applySecurityPolicies(() => serverOrigin);
  const settings = createServerSettings();

  const loadServer = (window: BrowserWindow, origin: string) => {
    // Failures arrive through 'did-fail-load', which offers the way out.
    window.loadURL(`${origin}/`).catch(() => undefined);
  };

  const offerRecovery = async (window: BrowserWindow, origin: string) => {
    window.show();
    const { response } = await dialog.showMessageBox(window, {
      type: 'error',
      title: vi.loadFailedTitle,
      message: vi.loadFailed(origin),
      buttons: [vi.retry, vi.changeServerAddress, vi.quit],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (response === 0) loadServer(window, origin);
    else if (response === 1) showSetup();
    else app.quit();
  };

  const openServer = (origin: string) => {
    serverOrigin = origin;
    if (mainWindow === null) {
      const window = createMainWindow();
      window.on('closed', () => {
        mainWindow = null;
      });
      window.webContents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
        if (isMainFrame && errorCode !== ERR_ABORTED && serverOrigin !== null) void offerRecovery(window, serverOrigin);
      });
      mainWindow = window;
    }
    loadServer(mainWindow, origin);
  };

  const showSetup = () => {
    if (setupWindow !== null) {
      setupWindow.focus();
      return;
    }
    const window = createSetupWindow(serverOrigin, mainWindow);
    window.on('closed', () => {
      setupWindow = null;
    });
    setupWindow = window;
  };

  registerIpcHandlers({
    getServerOrigin: () => serverOrigin,
    isSetupWindow: (contents) => setupWindow !== null && setupWindow.webContents === contents,
    connect: async (address) => {
      const result = await settings.connect(address);
      if (result.ok) {
        openServer(result.origin); // Before closing setup, or closing the last window would quit.
        setupWindow?.close();
      }
      return result;
    },
    showSetup,
  });
  Menu.setApplicationMenu(buildAppMenu({ changeServerAddress: showSetup }, app.isPackaged));

  const storedOrigin = await settings.load();
  if (storedOrigin === null) showSetup();
  else openServer(storedOrigin);
}
