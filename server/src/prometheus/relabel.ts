/**
 * prometheus/config, relabel rules (relabel_configs, metric_relabel_configs,
 * write_relabel_configs, alert_relabel_configs, Alertmanager relabel_configs):
 * the regex compiled as Prometheus does, RE2 anchored at both ends (re2js gives
 * Go's own error words); each action's required and forbidden fields as
 * Prometheus 2.42 validates them (model/relabel). Unknown actions are the
 * shape's (with did-you-mean).
 */
import { RE2JS } from 're2js';
import type { Node, YAMLMap } from 'yaml';
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { LABEL_NAME } from './configShape';
import { finding, PROMETHEUS_CONFIG_CODE, say } from './messages';
import { pairOf, textOf, type PrometheusConfigModel } from './model';
import { relabelRules } from './walk';

/** A target label or labelmap replacement: names with `$1` / `${name}` references (model/relabel's relabelTarget). */
const RELABEL_TARGET = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;

const DEFAULTS: Readonly<Record<string, string>> = { separator: ';', replacement: '$1', modulus: '0', target_label: '' };

/** The regex's compile error in Go's words, or undefined when it compiles. */
export function relabelRegexError(regex: string): string | undefined {
  try {
    RE2JS.compile(`^(?:${regex})$`);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function checkRule(rule: YAMLMap): Finding[] {
  const findings: Finding[] = [];
  const value = (key: string): string | undefined => textOf(pairOf(rule, key)?.value);
  const keyNode = (key: string): Node | undefined => pairOf(rule, key)?.key;
  const valueNode = (key: string): Node | undefined => pairOf(rule, key)?.value ?? undefined;
  /** A scalar field set to something else than its default (Prometheus compares with the defaults). */
  const changed = (key: string): boolean => {
    const pair = pairOf(rule, key);
    if (!pair) return false;
    return (value(key) ?? DEFAULTS[key] ?? '') !== (DEFAULTS[key] ?? '');
  };

  /** A list or regex written at all (Prometheus tells them from its defaults by identity). */
  const present = (key: string): boolean => {
    const node = pairOf(rule, key)?.value;
    return node !== undefined && node !== null && (node as { value?: unknown }).value !== null;
  };

  const regex = value('regex');
  if (regex !== undefined) {
    const error = relabelRegexError(regex);
    if (error) findings.push(finding(valueNode('regex'), say('regex', { error })));
  }

  const actionText = value('action');
  const action = (actionText ?? 'replace').toLowerCase();
  // Where a problem of the action as a whole is shown: its value, else the rule's first key.
  const actionAt = valueNode('action') ?? (rule.items[0]?.key as Node | undefined);
  const targetLabel = value('target_label') ?? '';
  const replacement = value('replacement') ?? '$1';

  if (action === 'hashmod' && Number(value('modulus') ?? 0) === 0) findings.push(finding(valueNode('modulus') ?? actionAt, say('hashmodModulus')));
  if (['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'].includes(action) && targetLabel === '') {
    findings.push(finding(valueNode('target_label') ?? actionAt, say('requiresTarget', { action })));
  } else if (['replace', 'lowercase', 'uppercase'].includes(action) && !RELABEL_TARGET.test(targetLabel)) {
    findings.push(finding(valueNode('target_label'), say('invalidTarget', { value: targetLabel, action })));
  } else if (action === 'hashmod' && !LABEL_NAME.test(targetLabel)) {
    findings.push(finding(valueNode('target_label'), say('invalidTarget', { value: targetLabel, action })));
  }
  if ((action === 'lowercase' || action === 'uppercase') && replacement !== '$1') findings.push(finding(keyNode('replacement'), say('replacementNotAllowed', { action })));
  if (action === 'labelmap' && !RELABEL_TARGET.test(replacement)) findings.push(finding(valueNode('replacement') ?? actionAt, say('invalidReplacement', { value: replacement, action })));
  if (action === 'labeldrop' || action === 'labelkeep') {
    for (const key of ['source_labels', 'target_label', 'modulus', 'separator', 'replacement']) {
      if (key === 'source_labels' ? present(key) : changed(key)) findings.push(finding(keyNode(key), say('onlyRegex', { action, key })));
    }
  }
  if (action === 'keepequal' || action === 'dropequal') {
    for (const key of ['regex', 'modulus', 'separator', 'replacement']) {
      if (key === 'regex' ? present(key) : changed(key)) findings.push(finding(keyNode(key), say('onlySourceTarget', { action, key })));
    }
  }
  return findings;
}

export function checkRelabel(model: PrometheusConfigModel): Finding[] {
  if (!model.clean) return [];
  return relabelRules(model).flatMap((rule) => checkRule(rule.node));
}

export const prometheusRelabelCheck: FileCheck<PrometheusConfigModel> = {
  meta: {
    name: 'prometheus/relabel',
    on: 'file',
    fileKinds: ['prometheus'],
    description: "prometheus.yaml: relabel rules — regexes compiled as RE2, anchored; each action's required and forbidden fields (target_label, modulus, replacement)",
    codes: [PROMETHEUS_CONFIG_CODE],
  },
  run: checkRelabel,
};
