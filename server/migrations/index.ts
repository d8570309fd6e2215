import type { Knex } from 'knex';
import { foundation } from './20261123_0001_foundation';
import { scheduledJobs } from './20261123_0002_scheduled_jobs';
import { filterSortIndexes } from './20261123_0003_filter_sort_indexes';
import { customersFillfactor } from './20261123_0004_customers_fillfactor';
import { numberDefaults } from './20261123_0005_number_defaults';
import { activityTypeText } from './20261123_0006_activity_type_text';
import { careStatuses } from './20261202_0007_care_statuses';
import { customerDuplicateLookup } from './20261202_0008_customer_duplicate_lookup';
import { customerSortIndexes } from './20261202_0009_customer_sort_indexes';
import { ownershipSharing } from './20261202_0010_ownership_sharing';
import { liveEvents } from './20261202_0012_live_events';
import { systemActorCampaigns } from './20261202_0013_system_actor_campaigns';
import { customerOwnerIndex } from './20261202_0014_customer_owner_index';
import { transferBookkeeping } from './20261202_0015_transfer_bookkeeping';
import { departmentShares } from './20261202_0016_department_shares';
import { customerUpdatedBy } from './20261202_0017_customer_updated_by';
import { customerKeys } from './20261202_0018_customer_keys';
import { customerKeysName } from './20261202_0019_customer_keys_name';
import { tiers } from './20261202_0021_tiers';
import { ownerForeignKeys } from './20261202_0022_owner_foreign_keys';
import { pool } from './20261202_0020_pool';
import { triggerPlans } from './20261202_0023_trigger_plans';
import { opportunities } from './20261202_0024_opportunities';
import { exportsTable } from './20261202_0025_exports';
import { activityListIndexes } from './20261202_0026_activity_list_indexes';
import { listVersions } from './20261203_0027_list_versions';
import { engineListIndexes } from './20261203_0028_engine_list_indexes';
import { customerDetailVersion } from './20261204_0029_customer_detail_version';
import { listAnchorSets } from './20261204_0030_list_anchor_sets';
import { opportunitiesCreated } from './20261204_0031_opportunities_created';
import { activitySearchText } from './20261204_0032_activity_search_text';

type Migration = { name: string; up: (knex: Knex) => Promise<unknown>; down: (knex: Knex) => Promise<unknown> };

/** Every migration, oldest first. A static list works the same under tsx, vitest and a bundle. */
const migrations: Migration[] = [foundation, scheduledJobs, filterSortIndexes, customersFillfactor, numberDefaults, activityTypeText, careStatuses,
  customerDuplicateLookup, customerSortIndexes, ownershipSharing, liveEvents, systemActorCampaigns, customerOwnerIndex,
  transferBookkeeping, departmentShares, customerUpdatedBy, customerKeys, customerKeysName, pool, tiers, ownerForeignKeys, triggerPlans, opportunities, exportsTable,
  activityListIndexes, listVersions, engineListIndexes, customerDetailVersion, listAnchorSets, opportunitiesCreated,
  activitySearchText];

export const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};
