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
  const normalized = path.replace(/\\/g, '/');
  for (const [glob, environment] of Object.entries(overrides)) {
    if (picomatch(glob, { dot: true })(normalized.replace(/^\//, '')) || picomatch(glob, { dot: true, basename: true })(normalized)) return environment;
  }
  // `app.environment` in the file itself says it better than the file name.
  if (typeof declared === 'string' && NAMED[declared.toLowerCase()]) return NAMED[declared.toLowerCase()];
  const base = normalized.slice(normalized.lastIndexOf('/') + 1);
  const match = /^config(?:[.-]([A-Za-z0-9_-]+))?\.ya?ml$/.exec(base);
  if (!match) return undefined;
  if (match[1] === undefined) return 'prod';
  return NAMED[match[1].toLowerCase()];
}
