/**
 * Workspace trust on the server. In Restricted Mode nothing the workspace says
 * may make the server send a request or read a file outside the workspace
 * folders: `k1s0.prometheus.url` (fetched in the background as soon as a folder
 * opens) and `k1s0.catalog.files` take the user's own values, never the
 * workspace's (`.vscode/settings.json`, `.k1s0/lint.yaml`), even when a client
 * sends them merged in. VS Code already leaves the workspace values of
 * restricted settings out of what it answers (the manifest's
 * `restrictedConfigurations`); this is the server's own guard, for any client.
 *
 * A merged `workspace/configuration` answer does not say where a value came
 * from, so the client sends the user-level values beside the trust state
 * (protocol.ts: TrustParams). A client that says nothing about trust (an editor
 * without Workspace Trust) is trusted, as before.
 */
import { readSettings, type Settings } from '../base/settings';
import type { TrustParams } from '../protocol';

export type { TrustParams } from '../protocol';

export const TRUSTED: TrustParams = { trusted: true, userValues: {} };

/**
 * The trust state a client sent (initializationOptions.trust or a TrustNotification's params).
 * Absent: trusted (a client without Workspace Trust). Present but malformed: untrusted.
 */
export function readTrust(raw: unknown): TrustParams {
  if (raw === undefined || raw === null) return TRUSTED;
  if (typeof raw !== 'object') return { trusted: false, userValues: {} };
  const { trusted, userValues } = raw as { trusted?: unknown; userValues?: unknown };
  return {
    trusted: trusted === true,
    userValues: typeof userValues === 'object' && userValues !== null ? { ...(userValues as TrustParams['userValues']) } : {},
  };
}

/**
 * The settings a folder is checked with under a trust state: trusted, as they
 * are; untrusted, `prometheus.url` and `catalog.files` are the user-level values
 * (each the default when the user set none, or none valid), catalog globs that
 * reach outside the folder (absolute, `~`, a `..` segment) are dropped, and a
 * file outside every workspace folder (`inFolder` false) is claimed by no glob.
 * `ignored` names the settings whose value was replaced, for the log.
 */
export function applyTrust(settings: Settings, trust: TrustParams, inFolder: boolean): { settings: Settings; ignored: string[] } {
  if (trust.trusted) return { settings, ignored: [] };
  const user = readSettings({
    prometheus: { url: trust.userValues['k1s0.prometheus.url'] },
    catalog: { files: trust.userValues['k1s0.catalog.files'] },
  }).settings;
  const url = user.prometheus.url;
  const files = inFolder ? user.catalog.files.filter(staysInside) : [];
  const ignored: string[] = [];
  if (settings.prometheus.url !== url) ignored.push('k1s0.prometheus.url');
  if (JSON.stringify(settings.catalog.files) !== JSON.stringify(files)) ignored.push('k1s0.catalog.files');
  return { settings: { ...settings, prometheus: { url }, catalog: { files } }, ignored };
}

/** A glob that can only match inside the folder it is resolved in: relative, no `..` segment (in any brace alternative). */
export function staysInside(glob: string): boolean {
  const start = /(^|[{,(|])\s*([\\/]|[A-Za-z]:|~)/;
  const parent = /(^|[\\/{,(|])\.\.([\\/},)|]|$)/;
  return !start.test(glob) && !parent.test(glob);
}
