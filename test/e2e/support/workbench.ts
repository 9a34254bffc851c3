/**
 * The VS Code workbench in Chromium, driven the way a user drives it:
 * Quick Open to open files, the command palette to run commands, the
 * Problems panel and the Output view read from the screen. Tests for new
 * features (hover, completion, tree view, stack commands) add a helper here
 * and a test file beside workbench.test.ts. One class over 450 lines on
 * purpose: it is the one page object of the workbench, and every helper
 * shares its page, its selectors and its screenshot-on-failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { ARTIFACTS, CHROMIUM } from './paths';
import { waitFor, waitForValue, type WaitOptions } from './wait';

/** The flags the machine needs: no sandbox as root, no GPU, no calls out of a closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** One row of the Problems panel, as the user reads it. */
export interface Problem {
  /** Path relative to the workspace folder. */
  file: string;
  /** 1-based, as the panel shows it. */
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  source: string;
}

/** `file:line:column severity code`: a compact form for exact assertions on lists. */
export function brief(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code}`;
}

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly server: CodeServer,
  ) {}

  /** Opens the workspace in a new page and waits for the workbench and our extension's first diagnostics. */
  static async open(browser: Browser, server: CodeServer): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(server.url);
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    return new Workbench(page, server);
  }

  /** Runs a command from the command palette, picking it by its id (the title may be translated). */
  async runCommand(commandId: string, typed: string): Promise<void> {
    await this.pickCommand(commandId, typed);
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Picks a command in the command palette and returns at once: for a command that shows a list of its own.
   * The palette lists what was enabled when it opened: a command whose enablement (`isWorkspaceTrusted`)
   * the window had not settled yet is missing until the palette opens again, so it is opened once more.
   */
  async pickCommand(commandId: string, typed: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const entry = this.page.locator(`.quick-input-list [data-quick-input-id="${commandId}"]`);
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      await input.waitFor();
      await input.fill(`>${typed}`);
      try {
        await entry.waitFor({ timeout: 12_000 });
        await entry.click();
        return;
      } catch (error) {
        if (attempt === 2) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Installs a .vsix as a user does from the command palette (Extensions: Install from VSIX...,
   * the path typed into the file dialog): the running server installs it. The command shows up
   * once the extension views are registered, a while after the window opens: it is asked for again
   * until then.
   */
  async installVsix(path: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const entry = this.page.locator('.quick-input-list [data-quick-input-id="workbench.extensions.action.installVSIX"]');
    await waitFor(
      async () => {
        await this.page.keyboard.press('F1');
        await input.waitFor();
        await input.fill('>Install from VSIX');
        if (
          await entry
            .waitFor({ timeout: 5_000 })
            .then(() => true)
            .catch(() => false)
        ) {
          await entry.click();
          return true;
        }
        await this.page.keyboard.press('Escape');
        return undefined;
      },
      { what: 'the command Extensions: Install from VSIX...', timeoutMs: 90_000 },
    );
    // The file dialog is a quick input too, opened on a folder (the home folder's path in its box).
    await waitFor(async () => (await input.isVisible()) && (await input.inputValue()).startsWith('/'), { what: 'the Install from VSIX file dialog' });
    // The dialog checks the typed path as it changes, and may still put its starting folder back into
    // the box after it opened: the path is typed again while it is not there, and Enter pressed again
    // until the dialog takes it.
    await waitFor(
      async () => {
        if ((await input.inputValue()) !== path) await input.fill(path);
        await this.page.keyboard.press('Enter');
        return this.page
          .locator('.quick-input-widget')
          .waitFor({ state: 'hidden', timeout: 3_000 })
          .then(() => true)
          .catch(() => false);
      },
      { what: `the file dialog to take ${path}`, timeoutMs: 60_000 },
    );
  }

  /** Reloads the window (a new extension host and language server) and waits for the workbench. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  }

  /** The label the command palette shows for a command (its title in the display language, with its category). */
  async commandLabel(commandId: string, typed: string): Promise<string> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${typed}`);
    const entry = this.page.locator(`.quick-input-list [data-quick-input-id="${commandId}"]`);
    await entry.waitFor({ timeout: 15_000 });
    const label = (await entry.locator('.label-name').first().innerText()).trim();
    await this.page.keyboard.press('Escape');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    return label;
  }

  /**
   * The hover at a position (1-based), as its rows read: each markdown part's text. Shown with
   * the keyboard (Show or Focus Hover), asked again until the server's answer is in it.
   */
  async hoverAt(line: number, column: number, until: (rows: string[]) => boolean): Promise<string[]> {
    await this.goTo(line, column);
    const rows = this.page.locator('.monaco-hover .hover-row');
    return waitFor(
      async () => {
        await this.page.keyboard.press('Control+K');
        await this.page.keyboard.press('Control+I');
        const shown = await rows
          .first()
          .waitFor({ timeout: 3_000 })
          .then(() => true)
          .catch(() => false);
        const texts = shown ? (await rows.allInnerTexts()).map((text) => text.trim()) : [];
        if (until(texts)) return texts;
        await this.page.keyboard.press('Escape');
        return undefined;
      },
      { what: `the hover at ${line}:${column}`, timeoutMs: 60_000 },
    );
  }

  /** Opens a workspace file by its relative path with Quick Open and waits for its editor. */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(relativePath);
    const description = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
    const row = this.page.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) }).filter({ hasText: description });
    // A file the test has just written may not be in Quick Open's file search yet (its results are
    // cached, and on a loaded machine the watcher reports late): typing the query again searches anew.
    await waitFor(
      async () => {
        if ((await row.count()) > 0) return true;
        await input.fill('');
        await input.fill(relativePath);
        return row
          .first()
          .waitFor({ timeout: 3_000 })
          .then(() => true)
          .catch(() => false);
      },
      { what: `${relativePath} in Quick Open`, timeoutMs: 60_000 },
    );
    await row.first().click();
    await this.activeTab(name).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /**
   * Opens a file by its absolute path (one outside the workspace folder, say): Quick Open offers
   * an existing absolute path as its own entry.
   */
  async openAbsolute(path: string): Promise<void> {
    const name = path.split('/').pop() ?? path;
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(path);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
    await row.first().waitFor({ timeout: 15_000 });
    await row.first().click();
    await this.activeTab(name).waitFor();
  }

  /** Whether the window is in Restricted Mode (its status bar item says so). */
  async restrictedMode(): Promise<boolean> {
    return (await this.page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).count()) > 0;
  }

  /** Trusts the workspace folder from the Workspace Trust editor, as a user does, and waits until it is. */
  async trustWorkspace(): Promise<void> {
    await this.runCommand('workbench.trust.manage', 'Manage Workspace Trust');
    const editor = this.page.locator('.workspace-trust-editor');
    await editor.waitFor({ timeout: 15_000 });
    await editor
      .locator('.workspace-trust-buttons-row .monaco-button', { hasText: /^Trust$/ })
      .first()
      .click();
    await editor.locator('.workspace-trust-title-text', { hasText: 'You trust this folder' }).waitFor({ timeout: 15_000 });
  }

  private activeTab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
  }

  /** Focuses the active editor (after panels or widgets took the focus). */
  async focusEditor(): Promise<void> {
    await this.runCommand('workbench.action.focusActiveEditorGroup', 'View: Focus Active Editor Group');
  }

  /** Moves the cursor with Go to Line (1-based line and column). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await waitFor(async () => (await this.cursorPosition()) === `Ln ${line}, Col ${column}`, { what: `the cursor at ${line}:${column}` });
  }

  /** `Ln 16, Col 5`, as the status bar shows it. */
  async cursorPosition(): Promise<string> {
    const item = this.page.locator('#status\\.editor\\.selection');
    return (await item.innerText()).trim();
  }

  /** Saves the active editor and waits until it is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await waitFor(async () => (await this.page.locator('.tabs-container .tab.active.dirty').count()) === 0, { what: 'the active editor to be saved' });
  }

  /**
   * Opens the quick fixes at the cursor (Ctrl+.), as the lightbulb does, and
   * applies the one with this title.
   */
  async applyQuickFix(title: string): Promise<void> {
    const item = this.page.locator('.action-widget .monaco-list-row', { hasText: title });
    // Asked before the server has checked the open document, the menu may come up without the fix:
    // close it and ask again, until the deadline.
    await waitFor(
      async () => {
        await this.page.keyboard.press('Control+.');
        try {
          await item.first().waitFor({ timeout: 3_000 });
          return true;
        } catch {
          await this.page.keyboard.press('Escape');
          return undefined;
        }
      },
      { what: `the quick fix "${title}"`, timeoutMs: 30_000 },
    );
    await item.first().click();
    await item.first().waitFor({ state: 'hidden' });
    // The fix's edit arrives after the click (it may be resolved by the server first): a save before
    // it lands would write the file unchanged.
    await waitFor(async () => (await this.page.locator('.tabs-container .tab.active.dirty').count()) > 0, { what: `the edit of the quick fix "${title}"` });
  }

  /** Shows the Problems panel. */
  async showProblems(): Promise<void> {
    await this.runCommand('workbench.panel.markers.view.focus', 'Problems: Focus on Problems View');
    await this.page.locator('.markers-panel').waitFor();
  }

  /**
   * Every row of the Problems panel, in the panel's order. The panel is a
   * virtual list: it is scrolled from top to bottom and the rows collected.
   */
  async readProblems(): Promise<Problem[]> {
    await this.showProblems();
    const maximized = await this.maximizePanel();
    try {
      return this.parseProblems(await this.collectProblemRows());
    } finally {
      if (maximized) await this.runCommand('workbench.action.toggleMaximizedPanel', 'View: Toggle Maximized Panel');
    }
  }

  /** Maximizes the panel unless it is; true when it did (the caller restores it). */
  private async maximizePanel(): Promise<boolean> {
    const editor = await this.page.locator('.part.editor').boundingBox();
    if (!editor || editor.height < 50) return false;
    await this.runCommand('workbench.action.toggleMaximizedPanel', 'View: Toggle Maximized Panel');
    await waitFor(async () => ((await this.page.locator('.part.editor').boundingBox())?.height ?? 0) < 50, { what: 'the panel to be maximized' });
    return true;
  }

  private async renderedFrame(): Promise<void> {
    // Two animation frames: the list has rendered what the last scroll asked for.
    await this.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))');
  }

  /** The rows of the virtual list, scrolled through from the top. */
  private async collectProblemRows(): Promise<ProblemRow[]> {
    const rows = new Map<number, ProblemRow>();
    if ((await this.page.locator('.markers-panel .monaco-list-rows > .monaco-list-row').count()) === 0) return [];
    await this.page.locator('.markers-panel .monaco-list').first().hover();
    const atTop = async () => (await this.page.locator('.markers-panel .monaco-list-rows > .monaco-list-row[data-index="0"]').count()) === 1;
    await waitFor(
      async () => {
        if (await atTop()) return true;
        // The wheel, and Home in the focused tree: either brings a long list back to its first row.
        await this.page.mouse.wheel(0, -100_000);
        await this.renderedFrame();
        if (await atTop()) return true;
        await this.page.locator('.markers-panel .monaco-list').first().focus();
        await this.page.keyboard.press('Home');
        await this.renderedFrame();
        return (await atTop()) || undefined;
      },
      { what: 'the Problems list scrolled to the top' },
    );
    for (let previous = -1; ;) {
      await this.renderedFrame();
      // Rows of the list itself, not the sticky-scroll copies of file rows above it.
      // No named helpers inside: the page runs this function's source as it is (tsx would add __name).
      const visible = await this.page.locator('.markers-panel .monaco-list-rows > .monaco-list-row').evaluateAll((elements) =>
        elements.map((row) => ({
          index: Number(row.getAttribute('data-index')),
          level: row.getAttribute('aria-level') ?? '',
          label: row.querySelector('.label-name')?.textContent ?? '',
          description: row.querySelector('.label-description')?.textContent ?? '',
          message: row.querySelector('.marker-message')?.textContent ?? '',
          code: row.querySelector('.marker-code')?.textContent ?? '',
          source: row.querySelector('.marker-source')?.textContent ?? '',
          position: row.querySelector('.marker-line')?.textContent ?? '',
          icon: row.querySelector('.marker-icon')?.className ?? '',
        })),
      );
      for (const row of visible) rows.set(row.index, row);
      const last = Math.max(...visible.map((row) => row.index));
      if (last === previous) break;
      previous = last;
      await this.page.mouse.wheel(0, 400);
    }
    return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  }

  private parseProblems(rows: readonly ProblemRow[]): Problem[] {
    const problems: Problem[] = [];
    let file = '';
    for (const row of rows) {
      if (row.level === '1') {
        file = row.description ? `${row.description}/${row.label}` : row.label;
        continue;
      }
      // A problem's related information (`this ( is not closed`) is a row below it, not a problem.
      if (row.level === '3') continue;
      const position = /\[Ln (\d+), Col (\d+)\]/.exec(row.position);
      if (!position) throw new Error(`unexpected Problems row: ${JSON.stringify(row)}`);
      const severity = /\berror\b/.test(row.icon) ? 'error' : /\bwarning\b/.test(row.icon) ? 'warning' : 'info';
      problems.push({ file, line: Number(position[1]), column: Number(position[2]), severity, code: row.code, message: row.message, source: row.source });
    }
    return problems;
  }

  /**
   * Waits until the Problems panel shows exactly `expected` (compared with
   * `brief`, in sorted order: the panel orders files by severity, which is
   * not what is tested). Returns the rows sorted the same way.
   */
  async waitForProblems(expected: string[], options?: Partial<WaitOptions>): Promise<Problem[]> {
    let last: Problem[] = [];
    await waitForValue(
      async () => {
        last = (await this.readProblems()).sort((a, b) => compareBrief(brief(a), brief(b)));
        return last.map(brief);
      },
      [...expected].sort(compareBrief),
      { what: 'the Problems panel', timeoutMs: 60_000, ...options },
    );
    return last;
  }

  /** The text of an output channel, as the Output view shows it. */
  async outputText(): Promise<string> {
    const lines = this.page.locator('.part.panel .output-view .view-lines .view-line');
    const texts = await lines.evaluateAll((elements) =>
      elements
        .map((e) => ({ top: Number.parseFloat((e as unknown as { style: { top: string } }).style.top || '0'), text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((e) => e.text),
    );
    return texts.join('\n');
  }

  /** The name of the channel the Output view shows. */
  async outputChannel(): Promise<string> {
    const select = this.page.locator('.part.panel .monaco-select-box, .part.panel select').first();
    const title = await select.getAttribute('title');
    if (title) return title;
    return (await select.inputValue().catch(() => '')) || (await select.innerText());
  }

  /** Types text into the focused editor. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Opens the suggestion list (Ctrl+Space) and accepts the entry whose label is `label`. */
  async acceptSuggestion(label: string): Promise<void> {
    await this.page.keyboard.press('Control+Space');
    const row = this.page.locator('.suggest-widget .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
    await row.first().waitFor({ timeout: 15_000 });
    await row.first().click();
    await this.page
      .locator('.suggest-widget.visible')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  }

  /** Leaves snippet mode and closes any widget (Escape until none is left). */
  async escape(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  /** Keeps a screenshot and the server log of a failed test under test-artifacts/. */
  async keepArtifacts(name: string): Promise<void> {
    try {
      await this.screenshot(name);
    } catch {
      // The page may be gone; the log still helps.
    }
    writeFileSync(join(ARTIFACTS, `${name}.code-server.log`), this.server.log());
  }
}

interface ProblemRow {
  index: number;
  level: string;
  label: string;
  description: string;
  message: string;
  code: string;
  source: string;
  position: string;
  icon: string;
}

/** Orders `file:line:column ...` strings by file, then line and column as numbers. */
export function compareBrief(a: string, b: string): number {
  const parse = (s: string) => {
    const match = /^(.*):(\d+):(\d+) (.*)$/.exec(s);
    return match ? { file: match[1] ?? '', line: Number(match[2]), column: Number(match[3]), rest: match[4] ?? '' } : { file: s, line: 0, column: 0, rest: '' };
  };
  const x = parse(a);
  const y = parse(b);
  return x.file.localeCompare(y.file) || x.line - y.line || x.column - y.column || x.rest.localeCompare(y.rest);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
