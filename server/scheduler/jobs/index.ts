import type { JobDefinition } from '../jobContext';
import { multiAssignRules } from './multiAssignRules';
import { poolReminders } from './poolReminders';
import { poolRun } from './poolRun';
import { purgeExpiredSessions } from './purgeExpiredSessions';
import { recomputeTiers } from './recomputeTiers';

/** Every scheduled job of the server. */
export const scheduledJobs: JobDefinition[] = [purgeExpiredSessions, multiAssignRules, poolRun, poolReminders, recomputeTiers];
