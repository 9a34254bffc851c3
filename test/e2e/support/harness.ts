/**
 * One code-server + one Chromium page per test file, on a scratch copy of
 * examples/ (tests edit files; the repository's copy stays as it is).
 * `e2eTest` keeps a screenshot and the server log of each failing test in
 * test-artifacts/.
 */
import { after, before, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { ROOT, VSIX } from './paths';
import { launchBrowser, Workbench } from './workbench';

export interface Session {
  workspace: string;
  server: CodeServer;
  browser: Browser;
  workbench: Workbench;
}

/** Copies examples/ to a scratch folder. */
export function scratchWorkspace(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'k1s0-e2e-')), 'workspace');
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

type SessionOptions = Partial<Omit<CodeServerOptions, 'workspace'>>;

/**
 * Registers before/after hooks that start code-server with the packed
 * extension and open the workspace; the returned getter gives the session.
 * `ready`, when given, runs on the open window before the first test (installing
 * a language pack and reloading, say).
 */
export function useSession(options: SessionOptions | ((workspace: string) => Promise<SessionOptions>) = {}, ready?: (session: Session) => Promise<void>): () => Session {
  let session: Session | undefined;
  before(async () => {
    const workspace = scratchWorkspace();
    // Options given as a function are prepared when the session starts (a server the settings name, say),
    // and may add to the workspace before the window opens it.
    const resolved = typeof options === 'function' ? await options(workspace) : options;
    const server = await startCodeServer({ workspace, extensions: [VSIX], ...resolved });
    const browser = await launchBrowser();
    try {
      const workbench = await Workbench.open(browser, server);
      try {
        await ready?.({ workspace, server, browser, workbench });
      } catch (error) {
        await workbench.keepArtifacts('session-ready');
        throw error;
      }
      session = { workspace, server, browser, workbench };
    } catch (error) {
      await browser.close();
      await server.stop();
      throw error;
    }
  });
  after(async () => {
    await session?.browser.close();
    await session?.server.stop();
  });
  return () => {
    if (!session) throw new Error('the e2e session did not start');
    return session;
  };
}

/** A test that keeps artifacts (screenshot, code-server log) when it fails. */
export function e2eTest(name: string, session: () => Session, body: (s: Session) => Promise<void>): void {
  test(name, { timeout: 180_000 }, async () => {
    const s = session();
    try {
      await body(s);
    } catch (error) {
      await s.workbench.keepArtifacts(
        name
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 80),
      );
      throw error;
    }
  });
}

/** What the CLI reports for a folder (hints aside), in `locale`: the oracle of what the Problems panel shows. */
export function cliDiagnostics(folder: string, locale = 'en'): { file: string; line: number; column: number; severity: string; code: string; message: string }[] {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '.', '--format', 'json', '--locale', locale], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`k1s0-obs check failed: ${result.stderr}`);
  const items = JSON.parse(result.stdout) as { file: string; range: { start: { line: number; character: number } }; severity: string; code: string; message: string }[];
  // VS Code does not list hints in the Problems panel (they are the faint dots under the text).
  return items
    .filter((i) => i.severity !== 'hint')
    .map((i) => ({ file: i.file, line: i.range.start.line + 1, column: i.range.start.character + 1, severity: i.severity === 'information' ? 'info' : i.severity, code: i.code, message: i.message }));
}

/** The CLI's report of a folder in the Problems panel's compact form (see `brief`). */
export function cliBrief(folder: string): string[] {
  return cliDiagnostics(folder).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
}
