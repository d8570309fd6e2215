import { app, session, shell } from 'electron';
import { isServerUrl } from './isServerUrl.js';
import { parseExternalUrl } from './parseExternalUrl.js';
import { withContentSecurityPolicy } from './withContentSecurityPolicy.js';

/**
 * Locks down every page the shell shows (Electron security checklist): no permissions, a strict
 * CSP on the server's responses, no navigation away from the server, no new windows, no webviews.
 * `getServerOrigin` is read on every check because the user can change the server.
 */
export function applySecurityPolicies(getServerOrigin: () => string | null): void {
  const { defaultSession } = session;

  // The CRM needs no camera, location, notifications-from-web etc.; native features go through the bridge.
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);

  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isServerUrl(details.url, getServerOrigin())) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });

  app.on('web-contents-created', (_event, contents) => {
    // will-frame-navigate covers the main frame (like will-navigate) and any subframe.
    contents.on('will-frame-navigate', (event) => {
      if (!isServerUrl(event.url, getServerOrigin())) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isServerUrl(event.url, getServerOrigin())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Links with target=_blank and window.open() go to the system browser, never a new Electron window.
    contents.setWindowOpenHandler(({ url }) => {
      const externalUrl = parseExternalUrl(url);
      if (externalUrl !== null) {
        shell.openExternal(externalUrl).catch((error: unknown) => console.error('Could not open a link:', error));
      }
      return { action: 'deny' };
    });
  });
}
