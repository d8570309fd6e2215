// The API the desktop shell gives the renderer as `window.crm`. Type-only and free of imports so the
// renderer can import it; in a plain browser `window.crm` is undefined, so declare it optional:
//   declare global { interface Window { crm?: CrmBridge } }

/** One entry of the save dialog's file-type list, e.g. { name: 'Excel', extensions: ['xlsx'] }. */
export type SaveFileFilter = { name: string; extensions: string[] };

export type SaveFileRequest = {
  /** A plain file name (no folders), at most 200 characters, e.g. "khach-hang.xlsx". */
  suggestedName: string;
  data: ArrayBuffer;
  filters?: SaveFileFilter[];
};

/** `saved: false` means the user closed the dialog. */
export type SaveFileResult = { saved: true; path: string } | { saved: false };

export type SaveDownloadRequest = {
  /** The `url` of POST /api/exports/ticket (single-use download ticket on the connected server). */
  url: string;
  /** A plain file name (no folders), e.g. "khach-hang-2026-12-02.xlsx". */
  suggestedName: string;
  filters?: SaveFileFilter[];
};

/** `saved: false`: the dialog was closed (`cancelled`), the server refused, or the download broke off (e.g. the export was cancelled). */
export type SaveDownloadResult = { saved: true; path: string } | { saved: false; reason: 'cancelled' | 'http' | 'interrupted' };

export type NotifyRequest = { title: string; body: string };

export type CrmBridge = {
  /** Asks where to save with the native dialog, then writes the bytes there; rejects if the write fails (e.g. the file is open in Excel). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * Asks where to save with the native dialog, then the shell itself streams the download ticket's
   * URL into that file (no file over IPC, no size limit); answers when the file is complete.
   */
  saveDownload(request: SaveDownloadRequest): Promise<SaveDownloadResult>;
  /** Shows a native notification. */
  notify(request: NotifyRequest): Promise<void>;
  /** The server origin the shell is connected to, e.g. "http://192.168.1.10:4780". */
  getServerAddress(): Promise<string>;
  /** Opens the shell's server-address window; on success the shell reloads from the new server. */
  changeServerAddress(): Promise<void>;
  appVersion(): Promise<string>;
};
