/** What a `.k1s0/lint.yaml` that does not validate says (in the editor and on the CLI). */
import { messages } from '../l10n';

const en = {
  topLevel: () => '(top level)',
  notYaml: (p: { error: string }) => `not YAML: ${p.error}`,
  /** A zod issue of the schema, as zod words it. */
  invalid: (p: { where: string; problem: string }) => `${p.where}: ${p.problem}`,
  unknownKey: (p: { where: string; key: string; suggestion?: string; allowed: readonly string[] }) =>
    `${p.where}: unknown key "${p.key}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : `; allowed: ${p.allowed.join(', ')}.`}`,
  fixChangeQuoted: (p: { to: string }) => `Change to "${p.to}"`,
};

export const say = messages('lint', {
  en,
  ja: {
    topLevel: () => '（トップレベル）',
    notYaml: (p) => `YAML ではありません: ${p.error}`,
    invalid: (p) => `${p.where}: 値が正しくありません（${p.problem}）`,
    unknownKey: (p) => `${p.where}: 未知のキー "${p.key}" があります${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : `。使用できるキー: ${p.allowed.join('、')}。`}`,
    fixChangeQuoted: (p) => `"${p.to}" に変更`,
  },
});
