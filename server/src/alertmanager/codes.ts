/** The alertmanager area's codes and the one way its checks place a finding. */
import type { CodeInfo } from '../base/check';
import type { Finding, Fix, Severity } from '../base/types';
import type { Node } from 'yaml';
import { span } from './model';

export const CONFIG = 'alertmanager/config';
export const UNUSED_RECEIVER = 'alertmanager/unused-receiver';
export const UNROUTED_SEVERITY = 'alertmanager/unrouted-severity';
export const POLICY = 'alertmanager/policy';

/** `alertmanager/config`, declared by every check that reports it (the first in the registry documents it). */
export const CONFIG_CODE: CodeInfo = {
  code: CONFIG,
  severity: 'error',
  short: 'alertmanager.yml that amtool check-config rejects',
  help: 'What Alertmanager refuses to load: unknown keys, wrong types and durations, a root route without a default receiver or with matchers, receivers and time intervals that are undefined or not unique, bad matchers and regexes, group_by and equal labels, webhook URLs, time ranges and template globs.',
  ja: {
    short: 'amtool check-config が拒否する alertmanager.yml',
    help: 'Alertmanager が読み込めない設定です。不明なキー、型や期間の誤り、デフォルトの receiver がない・マッチャーを持つルート route、未定義または重複した receiver と time interval、不正なマッチャーと正規表現、group_by と equal のラベル、webhook の URL、時間帯、テンプレートの glob。',
  },
};

export function findingAt(node: Node | null | undefined, code: string, severity: Severity, message: string, fixes?: Fix[]): Finding {
  const [start, end] = span(node);
  return { start, end, code, severity, message, ...(fixes ? { fixes } : {}) };
}

/** An `alertmanager/config` error at a node. */
export function configError(node: Node | null | undefined, message: string, fixes?: Fix[]): Finding {
  return findingAt(node, CONFIG, 'error', message, fixes);
}
