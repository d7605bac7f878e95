/**
 * Configuration from the environment, read and validated once at start-up. This is the only
 * module that reads `process.env`; everything else receives a `Config`. Every problem is
 * listed at once so that an operator fixes them in one go.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseDigestSchedule, type DigestSchedule } from './core/actions/digest.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).optional(),
  DATA_FILE: z.string().min(1).default('data/runtime/store.json'),
  DEFAULT_PARTNERSHIP_ID: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens')
    .optional(),
  BOT_NAME: z.string().min(1).default('CSP Assistant'),
  MicrosoftAppId: z.string().trim().default(''),
  MicrosoftAppPassword: z.string().default(''),
  // Azure no longer creates multi-tenant bot registrations (since July 2025); MultiTenant stays for older ones.
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.string().trim().default(''),
  TAB_SSO_APP_ID: z.string().trim().default(''),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  BOT_ADMINS: z.string().default(''),
  AGENDA_REMINDER_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(48),
  PUBLIC_BASE_URL: z.string().url().optional(),
  EXPORT_SIGNING_KEY: z.string().min(32, 'at least 32 characters').optional(),
  EXPORT_LINK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  ALLOWED_TENANTS: z.string().default(''),
  BOT_OPENID_METADATA: z.string().url().optional(),
  BACKUP_DAYS: z.coerce.number().int().min(0).max(366).default(14),
  DIGEST_DAY: z.string().default('monday'),
  DIGEST_TIME: z.string().default('09:00'),
  MINUTES_FILE_MAX_MB: z.coerce.number().positive().max(100).default(10),
  MINUTES_DOWNLOAD_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
});

export interface BotAuthConfig {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  MicrosoftAppTenantId: string;
  /** Where the Bot Framework's signing keys are published, when not the public cloud's (a sovereign cloud, a test key set). */
  openIdMetadataUrl?: string;
}

export interface Config {
  port: number;
  /**
   * The app registration whose Teams SSO tokens the tab accepts (its client id): the bot's own
   * app id unless TAB_SSO_APP_ID names another, as it must for a managed-identity bot.
   */
  tabSsoAppId: string;
  /** Interface to listen on: loopback only in local mode unless HOST says otherwise, since nothing is authenticated there. */
  host: string;
  dataFile: string;
  defaultPartnershipId?: string;
  botName: string;
  /** No app id: requests are not authenticated (Agents Playground, tests). */
  localMode: boolean;
  botAuth: BotAuthConfig;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Azure AD object ids of the bootstrap admins, who may do everything. */
  admins: string[];
  /** How long before a meeting its reminder is posted. */
  reminderHours: number;
  /** Where members' browsers reach this server (for export links); the local address when unset. */
  publicBaseUrl?: string;
  /** Signs export links; made at start-up when unset (links then end with a restart). */
  exportSigningKey: string;
  exportLinkMinutes: number;
  /** Azure AD tenants whose members may use the bot and the tab; empty allows any. */
  allowedTenants: string[];
  /** How many daily backups are kept beside the store (0: none). */
  backupDays: number;
  /** When the weekly actions digest goes out (London time); null when DIGEST_DAY is "off". */
  digest: DigestSchedule | null;
  /** Minutes files sent to the bot: the largest accepted, and how long a download may take. */
  minutesFiles: { maxBytes: number; downloadTimeoutMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
    this.name = 'ConfigError';
  }
}

/** Where the configuration came from, for the start-up log (names only: values may be secrets). */
export interface ConfigSource {
  /** The .env file read, when there was one. */
  envFile?: string;
  /** Variables taken from it. */
  fromFile: string[];
  /** Variables in it that the environment already set, which win (as with Node's --env-file). */
  overridden: string[];
}

/**
 * Reads `.env` (in the working directory unless `file` says otherwise) into `env` when it exists,
 * with Node's own parser. A variable already in the environment keeps its value, so App Service
 * settings or a shell's export beat a stale file.
 */
export function readEnvFile(file = path.resolve('.env'), env: NodeJS.ProcessEnv = process.env): ConfigSource {
  if (!existsSync(file)) return { fromFile: [], overridden: [] };
  const values = parseEnv(readFileSync(file, 'utf8'));
  const fromFile: string[] = [];
  const overridden: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (env[name] !== undefined) {
      overridden.push(name);
    } else {
      env[name] = value;
      fromFile.push(name);
    }
  }
  return { envFile: file, fromFile, overridden };
}

/** One line for the start-up log saying where the configuration came from. */
export function describeConfigSource(source: ConfigSource): string {
  if (!source.envFile) return 'configuration from the environment only (no .env file)';
  const taken = source.fromFile.length > 0 ? source.fromFile.join(', ') : 'nothing';
  const kept =
    source.overridden.length > 0 ? `; the environment's own value kept for ${source.overridden.join(', ')}` : '';
  return `configuration from the environment and ${source.envFile} (${taken} taken from the file${kept})`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const localMode = e.MicrosoftAppId === '';
  const admins = e.BOT_ADMINS.split(/[\s,;]+/).filter(Boolean);
  const badAdmins = admins.filter((a) => !GUID.test(a));
  if (badAdmins.length > 0)
    problems.push(`BOT_ADMINS: each must be an Azure AD object id (a GUID); not: ${badAdmins.join(', ')}`);
  if (!localMode) {
    if (!GUID.test(e.MicrosoftAppId)) problems.push("MicrosoftAppId: must be the bot's Azure app id (a GUID)");
    if (e.MicrosoftAppType === 'UserAssignedMSI') {
      // botbuilder refuses a secret with a managed identity; say so here, with the rest.
      if (e.MicrosoftAppPassword !== '')
        problems.push(
          'MicrosoftAppPassword: must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret)',
        );
      if (e.TAB_SSO_APP_ID === '') {
        problems.push(
          "TAB_SSO_APP_ID: required when MicrosoftAppType is UserAssignedMSI (the client id of the tab's own app registration: a managed identity cannot sign members in)",
        );
      }
    } else if (e.MicrosoftAppPassword === '') {
      problems.push(
        `MicrosoftAppPassword: required when MicrosoftAppId is set and MicrosoftAppType is ${e.MicrosoftAppType} (the bot registration's client secret)`,
      );
    }
    if (e.MicrosoftAppType !== 'MultiTenant' && !GUID.test(e.MicrosoftAppTenantId)) {
      problems.push(
        `MicrosoftAppTenantId: required (a GUID, your Microsoft Entra tenant) when MicrosoftAppType is ${e.MicrosoftAppType}`,
      );
    }
  }
  if (e.TAB_SSO_APP_ID !== '' && !GUID.test(e.TAB_SSO_APP_ID))
    problems.push("TAB_SSO_APP_ID: must be the client id (a GUID) of the tab's app registration");
  const digest = e.DIGEST_DAY.toLowerCase() === 'off' ? null : parseDigestSchedule(e.DIGEST_DAY, e.DIGEST_TIME);
  if (typeof digest === 'string') problems.push(digest);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    tabSsoAppId: e.TAB_SSO_APP_ID || e.MicrosoftAppId,
    host: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    dataFile: e.DATA_FILE,
    ...(e.DEFAULT_PARTNERSHIP_ID ? { defaultPartnershipId: e.DEFAULT_PARTNERSHIP_ID } : {}),
    botName: e.BOT_NAME,
    localMode,
    botAuth: {
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      // No app id, no registration: botbuilder runs without credentials only on its MultiTenant path.
      MicrosoftAppType: localMode ? 'MultiTenant' : e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
      ...(e.BOT_OPENID_METADATA ? { openIdMetadataUrl: e.BOT_OPENID_METADATA } : {}),
    },
    logLevel: e.LOG_LEVEL,
    admins,
    reminderHours: e.AGENDA_REMINDER_HOURS,
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, '') } : {}),
    exportSigningKey: e.EXPORT_SIGNING_KEY ?? randomBytes(32).toString('base64url'),
    exportLinkMinutes: e.EXPORT_LINK_MINUTES,
    digest: typeof digest === 'string' ? null : digest,
    allowedTenants: e.ALLOWED_TENANTS.split(/[\s,;]+/).filter(Boolean),
    backupDays: e.BACKUP_DAYS,
    minutesFiles: {
      maxBytes: Math.round(e.MINUTES_FILE_MAX_MB * 1024 * 1024),
      downloadTimeoutMs: Math.round(e.MINUTES_DOWNLOAD_TIMEOUT_SECONDS * 1000),
    },
  };
}
