import type { App } from '../../appType';
import { errorResponses } from '../../../shared/schemas/common';
import { CustomerSettings } from '../../../shared/schemas/settings';
import { requireRole } from '../../plugins/auth';
import { customerSettings } from './customerSettings';
import { readSettings, writeSettings } from './service';

const tags = ['settings'];
// Before the body is validated, so a non-admin hears 403 whatever they send.
const adminsOnly = { preValidation: async (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'admin') };

/**
 * Company-wide settings: `GET /api/settings/<group>` for every signed-in user, `PUT` (the whole
 * object, audited) for admins. A new group is a SettingDefinition plus its two routes here.
 */
export async function settingRoutes(app: App): Promise<void> {
  app.get('/api/settings/customers', { schema: { tags, response: { 200: CustomerSettings, ...errorResponses } } },
    async () => readSettings(app.db, customerSettings));

  app.put('/api/settings/customers', { ...adminsOnly, schema: { tags, body: CustomerSettings, response: { 200: CustomerSettings, ...errorResponses } } },
    async (request) => writeSettings(app.db, request.actor, customerSettings, request.body));
}
