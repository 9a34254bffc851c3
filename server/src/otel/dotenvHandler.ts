/**
 * `.env` files (`.env`, `.env.local`, `app.env`): `NAME=value` lines, whose
 * OTEL_* variables otel/env checks. Compose reads them for `env_file:` and
 * for interpolation. Not YAML: no `# k1s0-disable` comments.
 */
import { envFileVariables, normalizePath } from '../base/compose';
import { uriToPath } from '../base/files';
import type { FileKindHandler } from '../workspace/fileKind';
import { NO_FACTS } from '../workspace/index';
import type { EnvSubject } from './env';

export function isEnvFilePath(path: string): boolean {
  return /(?:^|[/\\])(?:\.env(?:\.[^/\\]+)?|[^/\\]+\.env)$/i.test(path);
}

export const dotenvHandler: FileKindHandler = {
  kind: 'dotenv',
  claims: (doc, { location }) => isEnvFilePath(location.path) && doc.text.includes('OTEL_'),
  facts: () => NO_FACTS,
  findings(doc, { checks, workspace }) {
    // The compose services that read this file (`env_file:`): their config.yaml wins over its variables.
    const path = normalizePath(uriToPath(doc.uri));
    const readers = workspace.composeFiles().flatMap((compose) => compose.services.filter((service) => service.envFiles?.includes(path)));
    const names = readers.flatMap((service) => service.config?.names ?? []);
    const paths = readers.flatMap((service) => service.config?.paths ?? []);
    const subject: EnvSubject = { env: [{ variables: envFileVariables(doc.text), ...(readers.length ? { config: { names, paths, environment: 'dev' } } : {}) }] };
    return checks.file('dotenv', subject);
  },
  suppressible: () => false,
};
