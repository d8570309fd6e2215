import type { JobDefinition } from '../scheduler';
import { purgeExpiredSessions } from './purgeExpiredSessions';

/** Every scheduled job of the server. */
export const scheduledJobs: JobDefinition[] = [purgeExpiredSessions];
