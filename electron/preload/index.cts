// Preload of the main window (the server's UI). Sandboxed, so it is CommonJS and may require only
// 'electron'; everything else here is type-only. It exposes named functions and nothing else:
// never ipcRenderer itself, never process or its environment.
import { contextBridge, ipcRenderer } from 'electron';
import type { CrmBridge } from './bridge.js';
import type { IpcChannelName, IpcContract } from './ipcChannels.js';

function invoke<C extends IpcChannelName>(channel: C, ...args: IpcContract[C]['args']): Promise<IpcContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...args);
}

const bridge: CrmBridge = {
  saveFile: (request) => invoke('crm:save-file', request),
  saveDownload: (request) => invoke('crm:save-download', request),
  notify: (request) => invoke('crm:notify', request),
  getServerAddress: () => invoke('crm:get-server-address'),
  changeServerAddress: () => invoke('crm:change-server-address'),
  appVersion: () => invoke('crm:app-version'),
};

contextBridge.exposeInMainWorld('crm', bridge);
