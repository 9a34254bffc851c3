import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { pairOf } from '../base/yaml/parse';
import type { RuleFileKind } from './model';

/** Where a document keeps its rule groups. */
export interface RuleGroupsSite {
  documentIndex: number;
  document: Document.Parsed;
  kind: RuleFileKind;
  /** The mapping that holds `groups`: the document root, or a PrometheusRule's `spec`. */
  container: YAMLMap;
  /** The `groups:` entry. */
  groups: Pair<Node, Node | null>;
}

const scalarText = (node: unknown): string | undefined => (isScalar(node) ? String(node.value) : undefined);

/**
 * A Kubernetes PrometheusRule resource (prometheus-operator's CRD): its
 * `spec.groups` is a rule file's `groups`.
 * https://prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1.PrometheusRule
 */
function prometheusRuleSpec(root: YAMLMap): YAMLMap | undefined {
  const apiVersion = scalarText(pairOf(root, 'apiVersion')?.value);
  const kind = scalarText(pairOf(root, 'kind')?.value);
  if (kind !== 'PrometheusRule' || !apiVersion?.startsWith('monitoring.coreos.com/')) return undefined;
  const spec = pairOf(root, 'spec')?.value;
  return isMap(spec) ? spec : undefined;
}

/**
 * A plain rule file is a mapping with `groups:`. Other configs have a
 * `groups` key too, so it must be the only key or hold a group with `rules`.
 */
function isPlainRuleRoot(root: YAMLMap): boolean {
  const groups = pairOf(root, 'groups');
  if (!groups || pairOf(root, 'apiVersion') || pairOf(root, 'kind')) return false;
  if (root.items.length === 1) return true;
  return isSeq(groups.value) && groups.value.items.some((group) => isMap(group) && pairOf(group, 'rules') !== undefined);
}

export function ruleFileKind(doc: Document.Parsed): RuleFileKind | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  if (prometheusRuleSpec(root)) return 'PrometheusRule';
  return isPlainRuleRoot(root) ? 'plain' : undefined;
}

/** Whether a YAML document is a Prometheus rule file or a PrometheusRule resource. */
export function isRuleDocument(doc: Document.Parsed): boolean {
  return ruleFileKind(doc) !== undefined;
}

/** The `groups` of every rule document in a YAML stream, in order. */
export function findRuleGroups(docs: readonly Document.Parsed[]): RuleGroupsSite[] {
  const sites: RuleGroupsSite[] = [];
  docs.forEach((document, documentIndex) => {
    const root = document.contents;
    if (!isMap(root)) return;
    const spec = prometheusRuleSpec(root);
    const container = spec ?? (isPlainRuleRoot(root) ? root : undefined);
    const groups = container && pairOf(container, 'groups');
    if (!container || !groups) return;
    sites.push({ documentIndex, document, kind: spec ? 'PrometheusRule' : 'plain', container, groups });
  });
  return sites;
}
