/**
 * A real code-server (VS Code 1.139 served to a browser) for one test file:
 * its own user-data dir (workspace trust off unless asked, no welcome page), its own
 * extensions dir with the packed .vsix installed by `--install-extension`,
 * and its own HOME, whose `.bash_profile` is what the extension host's
 * environment comes from (so a stand-in executable goes on PATH there).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { freePort } from '../../support/net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY, NODE24 } from './paths';
import { waitFor } from './wait';

export interface CodeServerOptions {
  /** The folder the window opens. */
  workspace: string;
  /** .vsix files to install before start. */
  extensions: string[];
  /** User settings on top of the defaults below. */
  settings?: Record<string, unknown>;
  /** Directories put first on the extension host's PATH (through HOME/.bash_profile). */
  pathPrepend?: string[];
  /** Display language (code-server --locale). */
  locale?: string;
  /**
   * Workspace trust on, the folder not trusted (Restricted Mode, no start-up prompt); trust is
   * granted from the Workspace Trust editor (Workbench.trustWorkspace).
   */
  workspaceTrust?: boolean;
}

export interface CodeServer {
  /** The URL that opens the workspace. */
  url: string;
  root: string;
  userDataDir: string;
  extensionsDir: string;
  home: string;
  /** Everything code-server printed so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Settings that keep the window quiet and deterministic: no trust prompt, no welcome page, no updates. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'files.autoSave': 'off',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'problems.sortOrder': 'position',
};

/** Workspace trust on, without the start-up prompt or the banner: the folder opens in Restricted Mode. */
const TRUST_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  // A file outside the folder opens without a question, trusted or not.
  'security.workspace.trust.untrustedFiles': 'open',
};

export function installExtension(userDataDir: string, extensionsDir: string, vsix: string): void {
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist: run npm run package first`);
  const result = spawnSync(NODE24, [CODE_SERVER_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
  if (result.status !== 0 || !/successfully installed/.test(result.stdout)) {
    throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(NODE24) || !existsSync(CODE_SERVER_ENTRY)) throw new Error('code-server is not provisioned: run npm run provision:e2e (scripts/provision-e2e.sh)');
  const root = mkdtempSync(join(tmpdir(), 'k1s0-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const home = join(root, 'home');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  const trust = options.workspaceTrust ? TRUST_SETTINGS : {};
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...trust, ...options.settings }, null, 2));
  const prepend = (options.pathPrepend ?? []).map((dir) => `export PATH=${JSON.stringify(dir)}:"$PATH"\n`).join('');
  writeFileSync(join(home, '.bash_profile'), `# written by the k1s0 e2e harness\n${prepend}`);
  for (const vsix of options.extensions) installExtension(userDataDir, extensionsDir, vsix);

  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...(options.locale ? ['--locale', options.locale] : []),
    options.workspace,
  ];
  let output = '';
  const child: ChildProcess = spawn(NODE24, args, {
    env: { ...process.env, HOME: home, SHELL: '/bin/bash', XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));

  await waitFor(
    () => {
      if (exited) throw new Error(`code-server exited:\n${output}`);
      return output.includes('HTTP server listening on');
    },
    { what: 'code-server to listen', timeoutMs: 60_000 },
  );

  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`,
    root,
    userDataDir,
    extensionsDir,
    home,
    log: () => output,
    async stop() {
      if (exited || child.pid === undefined) return;
      // The whole group: code-server, its VS Code server, extension hosts and language servers.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      try {
        await waitFor(() => exited, { what: 'code-server to exit', timeoutMs: 10_000 });
      } catch {
        process.kill(-child.pid, 'SIGKILL');
      }
    },
  };
}
