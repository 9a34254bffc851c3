/**
 * The words of the language status items, from the server's k1s0/status answer. Pure: no vscode.
 */
import type { K1s0Status } from '../../../server/src/protocol';

export interface StatusWords {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Checked files and their problems. */
export function describeChecks(status: K1s0Status): StatusWords {
  const { errors, warnings, others } = status.problems;
  const problems = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '', others ? `${others} other` : ''].filter(Boolean).join(', ');
  return {
    text: `k1s0: ${plural(status.checkedFiles, 'file')} checked`,
    detail: problems || 'no problems',
    severity: errors ? 'error' : warnings ? 'warning' : 'information',
  };
}

/** The environment the open config file is judged as, and why; undefined when it is not a config file. */
export function describeEnvironment(status: K1s0Status): StatusWords | undefined {
  const env = status.environment;
  if (!env) return undefined;
  const why = env.reason === 'setting' ? `k1s0.config.environments: ${env.detail}` : env.reason === 'app.environment' ? `app.environment: ${env.detail}` : `file name ${env.detail}`;
  if (env.environment === undefined) return { text: 'k1s0: no environment', detail: `${why} names none: no environment policy applies`, severity: 'warning' };
  return { text: `k1s0: ${env.environment}`, detail: `judged as ${env.environment} by ${why}`, severity: 'information' };
}

/** The catalog in use: the built-in one, and the workspace's catalog files. */
export function describeCatalog(status: K1s0Status, displayPath: (uri: string) => string): StatusWords {
  const files = status.catalog.files;
  return {
    text: files.length ? `k1s0 catalog + ${plural(files.length, 'file')}` : 'k1s0 catalog (built-in)',
    detail: files.length ? `built-in, extended by ${files.map(displayPath).join(', ')}` : 'built-in: no catalog file in the workspace',
    severity: 'information',
  };
}
