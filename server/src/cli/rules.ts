/**
 * What each diagnostic code means, for SARIF `rules` (code-scanning shows the
 * short description as the rule's name and the help under each alert): read
 * from the registry, where each check documents its codes.
 */
import { CODES, REGISTRY } from '../checks/registry';
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

/** A code's documentation in the language asked for; an unknown code is described by its area. */
export function ruleText(code: string, locale: Locale): RuleText {
  const info = CODES.get(code);
  if (!info) return AREA_DOCS[locale](code.split('/')[0] ?? code);
  const text = locale === 'ja' ? info.ja : info;
  return { short: text.short, help: text.help };
}

/** `k1s0-obs rules`: every code of the registry with its default severity, what it catches and the check that reports it. */
export function formatRules(format: 'text' | 'json', locale: Locale): string {
  const rows = REGISTRY.flatMap((check) =>
    check.meta.codes.map((info) => ({ code: info.code, severity: info.severity, ...ruleText(info.code, locale), check: check.meta.name, fileKinds: [...check.meta.fileKinds] })),
  );
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return rows.map((row) => `${row.code} (${row.severity}, ${row.check}): ${row.short}\n  ${row.help}\n`).join('\n');
}
