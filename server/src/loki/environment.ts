/**
 * The environment a Loki configuration is for, found as for `config*.yaml`
 * (base/environment.ts): `k1s0.config.environments` (glob → environment)
 * wins, then the file's name (`loki-config.staging.yaml`, `loki-prod.yaml`),
 * then a folder named after one (`overlays/prod/`, `environments/staging/`);
 * the local stack's files (`infra/docker/…`) are dev. Otherwise none: no
 * environment policy applies.
 */
import picomatch from 'picomatch';
import type { EnvironmentName } from '../base/settings';

const NAMED: Record<string, EnvironmentName> = { dev: 'dev', development: 'dev', local: 'dev', staging: 'staging', stg: 'staging', prod: 'prod', production: 'prod' };

export interface InfraEnvironment {
  environment: EnvironmentName;
  /** Why: the setting's glob, the file's name, its folder or the local stack. */
  reason: string;
}

export function infraEnvironmentOf(path: string, overrides: Record<string, EnvironmentName>): InfraEnvironment | undefined {
  const normalized = path.replace(/\\/g, '/');
  for (const [glob, environment] of Object.entries(overrides)) {
    if (picomatch(glob, { dot: true })(normalized.replace(/^\//, '')) || picomatch(glob, { dot: true, basename: true })(normalized))
      return { environment, reason: `k1s0.config.environments "${glob}"` };
  }
  const parts = normalized.split('/');
  const base = (parts.pop() ?? '').replace(/\.ya?ml$/i, '');
  for (const word of base.split(/[.\-_]/).reverse()) {
    const named = NAMED[word.toLowerCase()];
    if (named) return { environment: named, reason: `file name ${base}` };
  }
  for (const folder of [...parts].reverse()) {
    const named = NAMED[folder.toLowerCase()];
    if (named) return { environment: named, reason: `folder ${folder}/` };
  }
  if (/(?:^|\/)infra\/docker\//.test(normalized)) return { environment: 'dev', reason: 'infra/docker/ (the local stack)' };
  return undefined;
}
