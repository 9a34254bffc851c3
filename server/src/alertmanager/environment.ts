/**
 * The environment an alertmanager.yml is for: `k1s0.config.environments`
 * (glob → environment) first, then its name (`alertmanager.prod.yml`,
 * `alertmanager-staging.yaml`), then the nearest folder named for one
 * (`…/prod/alertmanager.yml`, `overlays/staging/…`). Unknown otherwise.
 */
import { environmentReasonOf } from '../base/environment';
import type { EnvironmentName } from '../base/settings';

const NAMED: Record<string, EnvironmentName> = { dev: 'dev', development: 'dev', local: 'dev', staging: 'staging', stg: 'staging', prod: 'prod', production: 'prod' };

export function alertmanagerEnvironment(path: string, overrides: Record<string, EnvironmentName>): EnvironmentName | undefined {
  const set = environmentReasonOf(path, overrides);
  if (set.reason === 'setting') return set.environment;
  const parts = path.replace(/\\/g, '/').split('/');
  const base = parts.pop() ?? '';
  const suffix = /^alertmanager[.\-_]([A-Za-z0-9]+)\.ya?ml$/i.exec(base)?.[1]?.toLowerCase();
  if (suffix && NAMED[suffix]) return NAMED[suffix];
  for (const folder of parts.reverse()) {
    const environment = NAMED[folder.toLowerCase()];
    if (environment) return environment;
  }
  return undefined;
}
