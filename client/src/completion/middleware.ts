/** The language client's completion middleware: applies adjust.ts to the server's items. */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { adjustCompletionItems, insertsCall, type AdjustableItem } from './adjust';

export const completionMiddleware: Pick<Middleware, 'provideCompletionItem'> = {
  async provideCompletionItem(document, position, context, token, next) {
    const result = await next(document, position, context, token);
    if (!result) return result;
    const items = Array.isArray(result) ? result : result.items;
    const views = items.map((item) => view(item));
    adjustCompletionItems(views, document.languageId);
    views.forEach((adjusted, i) => {
      const item = items[i];
      if (!item) return;
      if (adjusted.command) item.command = adjusted.command;
      if (adjusted.preselect) item.preselect = true;
    });
    return result;
  },
};

function view(item: vscode.CompletionItem): AdjustableItem {
  const text = typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? '');
  const kind = item.kind;
  const callable = kind === vscode.CompletionItemKind.Function || kind === vscode.CompletionItemKind.Operator;
  return {
    callsFunction: callable && insertsCall(text),
    label: typeof item.label === 'string' ? item.label : item.label.label,
    ...(item.sortText !== undefined ? { sortText: item.sortText } : {}),
    ...(item.command ? { command: item.command } : {}),
  };
}
