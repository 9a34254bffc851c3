/**
 * `.env` files (`.env`, `.env.local`, `app.env`): `NAME=value` lines, whose
 * OTEL_* variables otel/env checks. Compose reads them for `env_file:` and
 * for interpolation. Not YAML: no `# k1s0-disable` comments.
 */
import { envFileVariables } from '../base/compose';
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
  findings(doc, { checks }) {
    const subject: EnvSubject = { env: [{ variables: envFileVariables(doc.text) }] };
    return checks.file('dotenv', subject);
  },
  suppressible: () => false,
};
