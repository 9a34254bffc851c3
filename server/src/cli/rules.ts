/**
 * What each diagnostic code means, for SARIF `rules` (code-scanning shows the
 * short description as the rule's name and the help under each alert): read
 * from the registry, where each check documents its codes.
 */
import { CODES } from '../checks/registry';
import type { Locale } from '../l10n';

export interface RuleText {
  short: string;
  help: string;
}

export const HELP_URI = 'https://github.com/k1s0-platform/k1s0-observability-vscode#what-it-checks';

const AREA_DOCS: Record<Locale, (area: string) => RuleText> = {
  en: (area) => ({ short: `k1s0 ${area} check`, help: `A finding of the k1s0 ${area} checks; the message says what is wrong and what would be right.` }),
  ja: (area) => ({ short: `k1s0 の ${area} 検査`, help: `k1s0 の ${area} 検査による指摘です。メッセージが誤りと正しい形を示します。` }),
};

/** A code's documentation in the language asked for (English where no Japanese is written yet); an unknown code is described by its area. */
export function ruleText(code: string, locale: Locale): RuleText {
  const info = CODES.get(code);
  if (!info) return AREA_DOCS[locale](code.split('/')[0] ?? code);
  const text = locale === 'ja' ? (info.ja ?? info) : info;
  return { short: text.short, help: text.help };
}
