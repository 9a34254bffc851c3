/** The language server's lines in the output channel ("k1s0 Observability"), in the user's language. */
import { messages } from '../l10n';

const en = {
  started: (p: { locale: string }) => `k1s0 language server started (messages: ${p.locale})`,
  notDecoded: (p: { path: string; reason: string }) => `k1s0: not decoded ${p.path}: ${p.reason}`,
  codeActionsFailed: (p: { uri: string; error: string }) => `k1s0: code actions for ${p.uri} failed: ${p.error}`,
  cannotScan: (p: { root: string; error: string }) => `k1s0: cannot scan ${p.root}: ${p.error}`,
  indexingFailed: (p: { uri: string; error: string }) => `k1s0: indexing ${p.uri} failed: ${p.error}`,
  validationFailed: (p: { uri: string; error: string }) => `k1s0: validation of ${p.uri} failed: ${p.error}`,
  failed: (p: { error: string }) => `k1s0: ${p.error}`,
  cannotReadSettings: (p: { error: string }) => `k1s0: could not read settings: ${p.error}`,
  settingIgnored: (p: { problem: string }) => `k1s0: setting ignored, default used: ${p.problem}`,
  untrusted: (p: { ignored: readonly string[] }) => `k1s0: the workspace is not trusted: the workspace's ${p.ignored.join(', ')} not used (user settings apply)`,
  lintProblems: (p: { path: string; count: number }) => `k1s0: ${p.path}: ${p.count} problem(s); the rest of it applies`,
  cannotReadLint: (p: { error: string }) => `k1s0: could not read the lint configuration: ${p.error}`,
};

export const say = messages('session', {
  en,
  ja: {
    started: (p) => `k1s0 言語サーバーを起動しました（メッセージ: ${p.locale}）`,
    notDecoded: (p) => `k1s0: ${p.path} をデコードできません: ${p.reason}`,
    codeActionsFailed: (p) => `k1s0: ${p.uri} のコードアクションに失敗しました: ${p.error}`,
    cannotScan: (p) => `k1s0: ${p.root} を走査できません: ${p.error}`,
    indexingFailed: (p) => `k1s0: ${p.uri} の索引付けに失敗しました: ${p.error}`,
    validationFailed: (p) => `k1s0: ${p.uri} の検査に失敗しました: ${p.error}`,
    failed: (p) => `k1s0: ${p.error}`,
    cannotReadSettings: (p) => `k1s0: 設定を読めませんでした: ${p.error}`,
    settingIgnored: (p) => `k1s0: 設定を無視し、既定値を使います: ${p.problem}`,
    untrusted: (p) => `k1s0: ワークスペースが信頼されていないため、ワークスペースの ${p.ignored.join('、')} は使いません（ユーザー設定が適用されます）`,
    lintProblems: (p) => `k1s0: ${p.path}: 問題が ${p.count} 件あります。それ以外の部分は適用されます`,
    cannotReadLint: (p) => `k1s0: lint 設定を読めませんでした: ${p.error}`,
  },
});
