import type { NotifyRequest, SaveDownloadRequest, SaveDownloadResult, SaveFileRequest, SaveFileResult } from './bridge.js';

/**
 * The allowlist: the only IPC channels the shell listens on. Sandboxed preloads can require only
 * 'electron', so they spell these names as literals; `IpcChannelName` keeps those literals in this list.
 */
export const IpcChannel = {
  saveFile: 'crm:save-file',
  saveDownload: 'crm:save-download',
  notify: 'crm:notify',
  getServerAddress: 'crm:get-server-address',
  changeServerAddress: 'crm:change-server-address',
  appVersion: 'crm:app-version',
  setupConnect: 'crm:setup-connect',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

/** What the setup page gets back after "Kết nối". */
export type SetupConnectResult = { ok: true; origin: string } | { ok: false; message: string };

/** Arguments a preload sends and the result it receives, per channel. Main validates the arguments anyway. */
export type IpcContract = {
  [IpcChannel.saveFile]: { args: [request: SaveFileRequest]; result: SaveFileResult };
  [IpcChannel.saveDownload]: { args: [request: SaveDownloadRequest]; result: SaveDownloadResult };
  [IpcChannel.notify]: { args: [request: NotifyRequest]; result: void };
  [IpcChannel.getServerAddress]: { args: []; result: string };
  [IpcChannel.changeServerAddress]: { args: []; result: void };
  [IpcChannel.appVersion]: { args: []; result: string };
  [IpcChannel.setupConnect]: { args: [address: string]; result: SetupConnectResult };
};
