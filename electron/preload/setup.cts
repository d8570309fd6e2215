// Preload of the setup window (main/setup.html). The page runs no script of its own (its CSP forbids
// scripts), so this preload wires the form from the isolated world and exposes nothing.
// Sandboxed: CommonJS, may require only 'electron'.
import { ipcRenderer } from 'electron';
import type { IpcChannelName, IpcContract } from './ipcChannels.js';

function invoke<C extends IpcChannelName>(channel: C, ...args: IpcContract[C]['args']): Promise<IpcContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...args);
}

window.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('setup-form');
  const input = document.getElementById('server-address');
  const button = document.getElementById('setup-connect');
  const status = document.getElementById('setup-status');
  if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement) || !(button instanceof HTMLButtonElement) || !status) {
    return;
  }

  const showStatus = (text: string, state: 'busy' | 'error') => {
    status.textContent = text;
    status.dataset.state = state;
  };

  // When changing the address, main passes the current one so the user edits rather than retypes it.
  input.value = new URLSearchParams(window.location.search).get('current') ?? '';

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    showStatus(button.dataset.busyLabel ?? '', 'busy');
    // On success main closes this window and opens the server, so only failures need showing.
    invoke('crm:setup-connect', input.value)
      .then((result) => {
        if (!result.ok) showStatus(result.message, 'error');
      })
      .catch(() => showStatus(form.dataset.failedLabel ?? '', 'error'))
      .finally(() => {
        button.disabled = false;
      });
  });
});
