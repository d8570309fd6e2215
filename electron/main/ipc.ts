import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Notification, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IpcChannel, type IpcChannelName, type IpcContract, type SetupConnectResult } from '../preload/ipcChannels.js';
import { isServerUrl } from './isServerUrl.js';
import { parseNotifyRequest } from './parseNotifyRequest.js';
import { parseSaveDownloadRequest } from './parseSaveDownloadRequest.js';
import { parseSaveFileRequest } from './parseSaveFileRequest.js';
import { streamDownload } from './streamDownload.js';

export type IpcDeps = {
  getServerOrigin(): string | null;
  isSetupWindow(contents: WebContents): boolean;
  connect(address: unknown): Promise<SetupConnectResult>;
  showSetup(): void;
};

type SenderCheck = (event: IpcMainInvokeEvent) => boolean;
type Handler<C extends IpcChannelName> = (
  event: IpcMainInvokeEvent,
  ...args: unknown[]
) => IpcContract[C]['result'] | Promise<IpcContract[C]['result']>;

/** Registers a handler for every channel of the allowlist; each checks who is calling and what it sent. */
export function registerIpcHandlers(deps: IpcDeps): void {
  // Only the top frame of a page from the configured server may use the bridge.
  const fromServer: SenderCheck = (event) =>
    event.senderFrame !== null && event.senderFrame.parent === null && isServerUrl(event.senderFrame.url, deps.getServerOrigin());
  const fromSetup: SenderCheck = (event) => deps.isSetupWindow(event.sender);

  handle(IpcChannel.saveFile, fromServer, async (event, request) => {
    const order = parseSaveFileRequest(request);
    if (order === null) throw new Error('saveFile: invalid request');
    const options = { defaultPath: path.join(app.getPath('downloads'), order.suggestedName), filters: order.filters };
    const window = BrowserWindow.fromWebContents(event.sender);
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFile(choice.filePath, order.bytes);
    return { saved: true, path: choice.filePath };
  });

  handle(IpcChannel.saveDownload, fromServer, async (event, request) => {
    const order = parseSaveDownloadRequest(request, deps.getServerOrigin());
    if (order === null) throw new Error('saveDownload: invalid request');
    const options = { defaultPath: path.join(app.getPath('downloads'), order.suggestedName), filters: order.filters };
    const window = BrowserWindow.fromWebContents(event.sender);
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false, reason: 'cancelled' };
    return streamDownload(order.url, choice.filePath);
  });

  handle(IpcChannel.notify, fromServer, (event, request) => {
    const notice = parseNotifyRequest(request);
    if (notice === null) throw new Error('notify: invalid request');
    if (!Notification.isSupported()) return;
    const notification = new Notification(notice);
    notification.on('click', () => BrowserWindow.fromWebContents(event.sender)?.focus());
    notification.show();
  });

  handle(IpcChannel.getServerAddress, fromServer, () => deps.getServerOrigin() ?? '');
  handle(IpcChannel.changeServerAddress, fromServer, () => deps.showSetup());
  handle(IpcChannel.appVersion, fromServer, () => app.getVersion());
  handle(IpcChannel.setupConnect, fromSetup, (_event, address) => deps.connect(address));
}

function handle<C extends IpcChannelName>(channel: C, isAllowedSender: SenderCheck, handler: Handler<C>): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    if (!isAllowedSender(event)) throw new Error(`${channel}: refused, untrusted sender`);
    return handler(event, ...args);
  });
}
