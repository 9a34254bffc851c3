/** What `# k1s0-disable` directives say about themselves, and the quick fix that writes one. */
import { messages } from '../l10n';

type Scope = 'next-line' | 'rule' | 'file';
const SCOPE_EN: Record<Scope, string> = { 'next-line': 'on the next line', rule: 'in the rest of this rule', file: 'in the rest of the file' };
const SCOPE_JA: Record<Scope, string> = { 'next-line': '次の行', rule: 'このルールの残りの部分', file: 'ファイルの残りの部分' };

const en = {
  needsCode: (p: { keyword: string }) => `${p.keyword} needs a diagnostic code: "# ${p.keyword} config/policy -- reason".`,
  unknownCode: (p: { code: string; keyword: string; suggestion?: string }) =>
    `Unknown diagnostic code "${p.code}" in ${p.keyword}${p.suggestion ? `. Did you mean "${p.suggestion}"?` : ': name a code such as config/policy or an area such as config.'}`,
  fixChangeQuoted: (p: { to: string }) => `Change to "${p.to}"`,
  unused: (p: { code: string; scope: Scope }) => `Unused suppression: no ${p.code} diagnostic ${SCOPE_EN[p.scope]}; remove "${p.code}" from the directive.`,
  fixDisable: (p: { code: string }) => `Disable ${p.code} for this line`,
};

export const say = messages('suppression', {
  en,
  ja: {
    needsCode: (p) => `${p.keyword} には診断コードが必要です（例: "# ${p.keyword} config/policy -- 理由"）。`,
    unknownCode: (p) =>
      `${p.keyword} の診断コード "${p.code}" は存在しません${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : '。config/policy のようなコードか、config のような領域を指定してください。'}`,
    fixChangeQuoted: (p) => `"${p.to}" に変更`,
    unused: (p) => `使われていない抑制です: ${SCOPE_JA[p.scope]}に ${p.code} の診断はありません。ディレクティブから "${p.code}" を削除してください。`,
    fixDisable: (p) => `この行の ${p.code} を無効にする`,
  },
});
