import path from 'node:path';

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  sessionHours: number;
  uiDir: string;
};

function intFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Reads the server configuration from the environment (README lists every variable). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: intFromEnv('PORT', 4780, env),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.CRM_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.CRM_ADMIN_PASSWORD || undefined,
    demo: env.CRM_DEMO === '1' || env.CRM_DEMO === 'true',
    sessionHours: intFromEnv('CRM_SESSION_HOURS', 12, env),
    uiDir: path.resolve(env.CRM_UI_DIR || './dist/renderer'),
  };
}
