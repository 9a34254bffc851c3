import picomatch from 'picomatch';
import type { EnvironmentName } from './settings';

const NAMED: Record<string, EnvironmentName> = {
  dev: 'dev',
  development: 'dev',
  local: 'dev',
  staging: 'staging',
  stg: 'staging',
  prod: 'prod',
  production: 'prod',
};

/**
 * The environment a config file is for, as the design names them:
 * `config.dev.yaml` dev, `config.staging.yaml` staging, `config.yaml` the
 * production default. `k1s0.config.environments` (glob → environment) wins,
 * then the file's own `app.environment`, then the name.
 * Unknown suffixes (`config.test.yaml`) have no environment: no policy applies.
 */
export function environmentOf(path: string, overrides: Record<string, EnvironmentName>, declared?: unknown): EnvironmentName | undefined {
  return environmentReasonOf(path, overrides, declared).environment;
}

/** Why a config file is judged as its environment: the setting's glob, its `app.environment`, its file name. */
export interface EnvironmentReason {
  environment: EnvironmentName | undefined;
  reason: 'setting' | 'app.environment' | 'file name';
  /** The glob of k1s0.config.environments, the value of app.environment, or the file's name. */
  detail: string;
}

/** environmentOf, saying which rule decided (the editor's status item shows it). */
export function environmentReasonOf(path: string, overrides: Record<string, EnvironmentName>, declared?: unknown): EnvironmentReason {
  const normalized = path.replace(/\\/g, '/');
  for (const [glob, environment] of Object.entries(overrides)) {
    if (picomatch(glob, { dot: true })(normalized.replace(/^\//, '')) || picomatch(glob, { dot: true, basename: true })(normalized)) return { environment, reason: 'setting', detail: glob };
  }
  // `app.environment` in the file itself says it better than the file name.
  if (typeof declared === 'string' && NAMED[declared.toLowerCase()]) return { environment: NAMED[declared.toLowerCase()], reason: 'app.environment', detail: declared };
  const base = normalized.slice(normalized.lastIndexOf('/') + 1);
  const match = /^config(?:[.-]([A-Za-z0-9_-]+))?\.ya?ml$/.exec(base);
  if (!match) return { environment: undefined, reason: 'file name', detail: base };
  return { environment: match[1] === undefined ? 'prod' : NAMED[match[1].toLowerCase()], reason: 'file name', detail: base };
}
