/**
 * What the editor does with the server's completion items beyond showing
 * them (no vscode import: the middleware in middleware.ts applies it):
 *
 * - a function or aggregation, once accepted, opens signature help, so the
 *   argument being typed is named (`rate(` → `rate(range vector)`);
 * - in JSON (Grafana dashboards) the best of our items is preselected: the
 *   JSON language service offers the whole string value as a suggestion too,
 *   and Enter would otherwise replace the query with it.
 */

/** The command VS Code runs to open signature help. */
export const TRIGGER_SIGNATURE_HELP = 'editor.action.triggerParameterHints';

/** The part of a completion item this looks at and sets. */
export interface AdjustableItem {
  /** Whether the item calls a function or aggregation: its inserted text opens a parenthesis. */
  callsFunction: boolean;
  sortText?: string;
  label: string;
  preselect?: boolean;
  command?: { title: string; command: string };
}

export function adjustCompletionItems(items: readonly AdjustableItem[], languageId: string): void {
  for (const item of items) {
    if (item.callsFunction && !item.command) item.command = { title: 'Signature help', command: TRIGGER_SIGNATURE_HELP };
  }
  if (languageId === 'json' || languageId === 'jsonc') {
    let best: AdjustableItem | undefined;
    for (const item of items) if (!best || (item.sortText ?? item.label) < (best.sortText ?? best.label)) best = item;
    if (best) best.preselect = true;
  }
}

/** Whether an inserted text calls a function: a name, then an opening parenthesis. */
export function insertsCall(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*\(/.test(text);
}
