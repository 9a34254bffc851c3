/**
 * The words of the language status items, from the server's k1s0/status answer. Pure: no vscode.
 */
import type { K1s0Status } from '../../../server/src/protocol';
import { l10n } from '../l10n';

export interface StatusWords {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
}

/** Checked files and their problems. */
export function describeChecks(status: K1s0Status): StatusWords {
  const { errors, warnings, others } = status.problems;
  const problems = [
    errors ? (errors === 1 ? l10n('1 error') : l10n('{0} errors', errors)) : '',
    warnings ? (warnings === 1 ? l10n('1 warning') : l10n('{0} warnings', warnings)) : '',
    others ? l10n('{0} other', others) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    text: status.checkedFiles === 1 ? l10n('k1s0: 1 file checked') : l10n('k1s0: {0} files checked', status.checkedFiles),
    detail: problems || l10n('no problems'),
    severity: errors ? 'error' : warnings ? 'warning' : 'information',
  };
}

/** The environment the open config file is judged as, and why; undefined when it is not a config file. */
export function describeEnvironment(status: K1s0Status): StatusWords | undefined {
  const env = status.environment;
  if (!env) return undefined;
  const why = env.reason === 'setting' ? `k1s0.config.environments: ${env.detail}` : env.reason === 'app.environment' ? `app.environment: ${env.detail}` : l10n('file name {0}', env.detail);
  if (env.environment === undefined) return { text: l10n('k1s0: no environment'), detail: l10n('{0} names none: no environment policy applies', why), severity: 'warning' };
  return { text: `k1s0: ${env.environment}`, detail: l10n('judged as {0} by {1}', env.environment, why), severity: 'information' };
}

/** The catalog in use: the built-in one, and the workspace's catalog files. */
export function describeCatalog(status: K1s0Status, displayPath: (uri: string) => string): StatusWords {
  const files = status.catalog.files;
  return {
    text: files.length ? (files.length === 1 ? l10n('k1s0 catalog + 1 file') : l10n('k1s0 catalog + {0} files', files.length)) : l10n('k1s0 catalog (built-in)'),
    detail: files.length ? l10n('built-in, extended by {0}', files.map(displayPath).join(', ')) : l10n('built-in: no catalog file in the workspace'),
    severity: 'information',
  };
}
