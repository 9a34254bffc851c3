/**
 * A test-only Japanese language pack for code-server, and its installation as a user makes it.
 *
 * code-server resolves a display language other than English (`--locale ja`, or `locale` in
 * argv.json) only through languagepacks.json in its user-data dir, the list of installed
 * extensions that contribute `localizations`; without an entry for `ja` the window stays in
 * English. That list is written by the running server when it installs a language pack (from the
 * Extensions view, or Install from VSIX), not by `code-server --install-extension`, whose command
 * line never starts the service that writes it (coder/code-server#3372, #4735): so the pack is
 * installed from the window, and the window reloaded.
 *
 * The Marketplace's pack cannot be downloaded here, so this one is made on the spot: its
 * translations of VS Code's own words are empty (the workbench keeps its English, which the
 * helpers click by), but the language it declares is `ja`, so after the reload the window and the
 * extension host run with `vscode.env.language === 'ja'`: our manifest's package.nls.ja.json,
 * the client's l10n/bundle.l10n.ja.json and the language server (told the locale at initialize)
 * speak Japanese.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from './harness';
import { ROOT } from './paths';
import { waitFor } from './wait';

/** Writes the pack's files into `dir` and packs them; the path of the .vsix. */
export function japaneseLanguagePack(dir: string): string {
  const source = join(dir, 'pack');
  mkdirSync(join(source, 'translations'), { recursive: true });
  const manifest = {
    name: 'k1s0-test-language-pack-ja',
    displayName: 'Japanese language pack (k1s0 e2e tests only)',
    description: 'Declares the ja display language with no translations of its own (test harness only).',
    version: '0.0.1',
    publisher: 'k1s0',
    license: 'Apache-2.0',
    private: true,
    engines: { vscode: '^1.91.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{ languageId: 'ja', languageName: 'Japanese', localizedLanguageName: '日本語', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
    },
  };
  writeFileSync(join(source, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(source, 'translations/main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(source, 'README.md'), '# Japanese language pack (k1s0 e2e tests only)\n');
  writeFileSync(join(source, 'LICENSE'), 'Apache-2.0 (test harness only)\n');
  writeFileSync(join(source, '.vscodeignore'), '');
  const vsix = join(dir, 'k1s0-test-language-pack-ja.vsix');
  const vsce = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], {
    cwd: source,
    encoding: 'utf8',
  });
  if (vsce.status !== 0) throw new Error(`packing the test language pack failed (exit ${vsce.status}):\n${vsce.stdout}\n${vsce.stderr}`);
  return vsix;
}

/**
 * Installs the pack into the session's running code-server from its window, waits until the server
 * has listed it for `ja` in languagepacks.json, and reloads the window (started with `--locale ja`).
 */
export async function switchToJapanese({ workbench, server }: Session, dir: string): Promise<void> {
  await workbench.installVsix(japaneseLanguagePack(dir));
  const list = join(server.userDataDir, 'languagepacks.json');
  await waitFor(() => existsSync(list) && 'ja' in (JSON.parse(readFileSync(list, 'utf8')) as Record<string, unknown>), { what: `ja in ${list}`, timeoutMs: 60_000 });
  await workbench.reload();
}
