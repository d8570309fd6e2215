import { exportFileName } from '../../../shared/columns/exportFileName';
import type { ExportInfo, ExportTicketBody } from '../../../shared/schemas/exports';
import { exportsApi } from '../../api/exportsApi';
import { desktopBridge } from './desktopBridge';

export type ExportProgress = { rowsWritten: number; total: number | null };
export type ExportOutcome = { status: 'done'; rows: number; fileName: string } | { status: 'cancelled' } | { status: 'failed' };

const pollMs = 700;

/** Saves a finished download in the browser: a Blob link clicked (the file is in memory by now anyway). */
function saveBlob(parts: BlobPart[], fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * One export: a download ticket, then the file — streamed by the desktop shell to the path picked
 * in its save dialog, or fetched as a stream by the browser — while the export's progress is
 * polled (rows written / total). `signal` cancels: the browser aborts its download (the server
 * stops the cursor) and the server is asked to stop (which ends the shell's download).
 */
export async function runExport(body: ExportTicketBody, onProgress: (progress: ExportProgress) => void, signal: AbortSignal): Promise<ExportOutcome> {
  const ticket = await exportsApi.ticket(body);
  const fileName = exportFileName(body.list);
  let last: ExportInfo | undefined;
  const poll = setInterval(() => {
    exportsApi.get(ticket.exportId).then((info) => {
      last = info;
      onProgress({ rowsWritten: info.rowsWritten, total: info.total });
    }, () => undefined);
  }, pollMs);
  const cancelOnServer = () => void exportsApi.cancel(ticket.exportId).catch(() => undefined);
  signal.addEventListener('abort', cancelOnServer, { once: true });
  try {
    const bridge = desktopBridge();
    if (bridge?.saveDownload) {
      const result = await bridge.saveDownload({ url: ticket.url, suggestedName: fileName, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      if (!result.saved) return signal.aborted || result.reason === 'cancelled' ? { status: 'cancelled' } : { status: 'failed' };
    } else {
      const response = await fetch(ticket.url, { signal, cache: 'no-store' });
      if (!response.ok || !response.body) return { status: 'failed' };
      const reader = response.body.getReader();
      const parts: BlobPart[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
      }
      saveBlob(parts, fileName);
    }
    last = await exportsApi.get(ticket.exportId);
    return { status: 'done', rows: last.rowsWritten, fileName };
  } catch (error) {
    if (signal.aborted) return { status: 'cancelled' };
    throw error;
  } finally {
    clearInterval(poll);
    signal.removeEventListener('abort', cancelOnServer);
  }
}
