import type { JobDefinition } from '../jobContext';
import { multiAssignRules } from './multiAssignRules';
import { purgeExpiredSessions } from './purgeExpiredSessions';

/** Every scheduled job of the server. */
export const scheduledJobs: JobDefinition[] = [purgeExpiredSessions, multiAssignRules];
