/**
 * The client's words in VS Code's display language. Every string a user reads goes
 * through `l10n('English with {0}', arg)`: once the extension runs it is
 * `vscode.l10n.t`, which looks the English up in `l10n/bundle.l10n.<lang>.json`;
 * in plain Node (the client's unit tests) it is the English itself. Pure: no vscode.
 * `client/src/l10n.test.ts` checks that the Japanese bundle has every string said
 * here with the same placeholders.
 */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));

let translate: Translate = english;
let language = 'en';

/**
 * Makes `l10n` say things in the display language (extension.ts passes `vscode.l10n.t` and
 * `vscode.env.language`).
 */
export function useTranslator(t: Translate, displayLanguage = 'en'): void {
  translate = t;
  language = displayLanguage;
}

/** The display language `l10n` speaks (`en`, `ja`, …): what a page's `lang` says. */
export function displayLanguage(): string {
  return language;
}

/** `message` (English, `{0}` `{1}` … for the arguments) in the display language. */
export function l10n(message: string, ...args: (string | number | boolean)[]): string {
  return translate(message, ...args);
}
