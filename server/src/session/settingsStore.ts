/**
 * Settings per workspace folder: the editor's `k1s0.*` (pulled from the client
 * when it can answer, else what it pushed), with the folder's `.k1s0/lint.yaml`
 * laid under them by the same merge the CLI uses (lint/lintConfig.ts), then
 * the workspace-trust rule (trust.ts) over the result.
 */
import { uriToPath } from '../base/files';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../base/settings';
import { parseYaml } from '../base/yaml/parse';
import { mergeLintConfig, readLintConfig } from '../lint/lintConfig';
import type { ClientPort, Disk } from './clientPort';
import { applyTrust, TRUSTED, type TrustParams } from './trust';
import { say } from './messages';

export class SettingsStore {
  /** Settings per workspace folder URI ('' for files outside any folder). */
  private readonly loading = new Map<string, Promise<Settings>>();
  /** The same, once loaded, for requests that answer synchronously. */
  private readonly loaded = new Map<string, Settings>();
  /** Pull `workspace/configuration` (else use what the client pushed). */
  canPull = false;
  /** What the client pushed: initializationOptions.settings, or a didChangeConfiguration's `k1s0`. */
  pushed: unknown;
  /** Whether the workspace is trusted, with the user-level values of the restricted settings (trust.ts). */
  trust: TrustParams = TRUSTED;

  constructor(
    private readonly port: ClientPort,
    private readonly disk: Disk,
  ) {}

  /** The settings of a folder (undefined: outside any), loaded once until cleared. */
  of(folderUri: string | undefined): Promise<Settings> {
    const key = folderUri ?? '';
    let settings = this.loading.get(key);
    if (!settings) {
      settings = this.load(folderUri);
      this.loading.set(key, settings);
      void settings.then((loaded) => {
        if (this.loading.get(key) === settings) this.loaded.set(key, loaded);
      });
    }
    return settings;
  }

  /** The folder's settings as last loaded; the defaults until then. */
  current(folderUri: string | undefined): Settings {
    return this.loaded.get(folderUri ?? '') ?? DEFAULT_SETTINGS;
  }

  /** Everything is read again on the next request (configuration, folders or a lint.yaml changed). */
  clear(): void {
    this.loading.clear();
  }

  private async load(scopeUri: string | undefined): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.canPull) {
      try {
        raw = await this.port.configuration(scopeUri);
      } catch (error) {
        this.port.log('warn', say('cannotReadSettings', { error: String(error) }));
      }
    }
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) this.port.log('warn', say('settingIgnored', { problem }));
    // After the lint.yaml merge: .k1s0/lint.yaml is the workspace's word too.
    const trusted = applyTrust(this.withLintConfig(settings, scopeUri), this.trust, scopeUri !== undefined);
    if (trusted.ignored.length) this.port.log('info', say('untrusted', { ignored: trusted.ignored }));
    return trusted.settings;
  }

  /**
   * The editor's settings over the folder's `.k1s0/lint.yaml` (found as the CLI finds
   * it, from the folder up). Its problems are diagnostics on the file itself; the parts
   * without problems still apply.
   */
  private withLintConfig(settings: Settings, scopeUri: string | undefined): Settings {
    if (scopeUri === undefined) return settings;
    try {
      const path = this.disk.findLintConfig(uriToPath(scopeUri));
      if (path === undefined) return settings;
      const bytes = this.disk.read(path);
      if (bytes === undefined) return settings;
      const { config, findings } = readLintConfig(parseYaml(new TextDecoder().decode(bytes)));
      if (findings.length) this.port.log('warn', say('lintProblems', { path, count: findings.length }));
      return mergeLintConfig(settings, config);
    } catch (error) {
      this.port.log('warn', say('cannotReadLint', { error: String(error) }));
      return settings;
    }
  }
}
