import type {
  ShareBody,
  ShareResult,
  TransferBatch,
  TransferOwnerBody,
  TransferPreview,
  TransferResult,
  UndoResult,
} from '../../shared/schemas/ownership';
import { http } from './http';

/** O1 transfer (preview, run, undo by batch) and O2 share. Mutations take an Idempotency-Key: a retry with it applies nothing twice. */
export const ownershipApi = {
  previewTransfer: (body: TransferOwnerBody) => http.post<TransferPreview>('/api/customers/transfer-owner/preview', body),
  transfer: (body: TransferOwnerBody, idempotencyKey: string) =>
    http.post<TransferResult>('/api/customers/transfer-owner', body, undefined, { 'Idempotency-Key': idempotencyKey }),
  /** What the batch did and whether the caller may undo it now (`canUndo`). */
  batch: (id: number) => http.get<TransferBatch>(`/api/transfer-batches/${id}`),
  undo: (id: number, idempotencyKey: string) => http.post<UndoResult>(`/api/transfer-batches/${id}/undo`, {}, undefined, { 'Idempotency-Key': idempotencyKey }),
  share: (body: ShareBody, idempotencyKey: string) => http.post<ShareResult>('/api/customers/share', body, undefined, { 'Idempotency-Key': idempotencyKey }),
};
