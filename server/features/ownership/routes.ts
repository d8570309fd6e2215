import type { App } from '../../appType';
import { errorResponses, IdParams } from '../../../shared/schemas/common';
import { ShareBody, ShareResult, TransferBatch, TransferOwnerBody, TransferPreview, TransferResult, UndoResult } from '../../../shared/schemas/ownership';
import { findTransferBatch } from './batches';
import { shareCustomers } from './share';
import { previewTransfer, transferOwners } from './transfer';
import { undoTransferBatch } from './undo';

const tags = ['ownership'];

/** O1 transfer (with preview and undo) and O2 share; each request is one transaction. */
export async function ownershipRoutes(app: App): Promise<void> {
  app.post('/api/customers/transfer-owner/preview', { schema: { tags, body: TransferOwnerBody, response: { 200: TransferPreview, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => previewTransfer(trx, request.actor, request.body)));

  app.post('/api/customers/transfer-owner', { schema: { tags, body: TransferOwnerBody, response: { 200: TransferResult, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => transferOwners(trx, request.actor, request.body)));

  app.get('/api/transfer-batches/:id', { schema: { tags, params: IdParams, response: { 200: TransferBatch, ...errorResponses } } },
    async (request) => findTransferBatch(app.db, request.actor, request.params.id));

  app.post('/api/transfer-batches/:id/undo', { schema: { tags, params: IdParams, response: { 200: UndoResult, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => undoTransferBatch(trx, request.actor, request.params.id)));

  app.post('/api/customers/share', { schema: { tags, body: ShareBody, response: { 200: ShareResult, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => shareCustomers(trx, request.actor, request.body)));
}
