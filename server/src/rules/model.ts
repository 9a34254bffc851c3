/**
 * What a rule file holds, located in the document: the shape checks, the
 * PromQL wiring and the workspace index of recording rules all read this.
 * Offsets are document offsets (UTF-16 code units), like Finding's.
 */

/** A scalar value and the map from its value offsets back to the document. */
export interface ScalarSite {
  /** The value as YAML resolves it (quotes gone, escapes decoded, lines folded). */
  value: string;
  /** Document range of the scalar node, quotes and block header included. */
  start: number;
  end: number;
  /** Document offset of the source of `value[valueOffset]`; `value.length` maps to the end. */
  toDocumentOffset(valueOffset: number): number;
  /** Document range [start, end) of the source of `value[from..to)`. */
  toDocumentRange(from: number, to: number): [number, number];
}

/** A PromQL expression in a rule: problems at expression offsets map through `toDocumentOffset`. */
export type ExprSite = ScalarSite;

/** A `key: value` entry whose value is a scalar (rule name, `for`, a label, an annotation). */
export interface EntrySite {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: ScalarSite;
}

export type RuleKind = 'record' | 'alert';

export interface RuleModel {
  kind: RuleKind;
  /** The recording rule's metric name or the alert's name. */
  name: string;
  /** The `record:` / `alert:` entry. */
  nameEntry: EntrySite;
  /** Absent when the rule has no usable `expr` (a rules/structure finding says so). */
  expr?: ExprSite;
  for?: EntrySite;
  keepFiringFor?: EntrySite;
  labels: EntrySite[];
  annotations: EntrySite[];
  /** The group's name ('' when it has none). */
  group: string;
  /** Index of the YAML document in the stream, of the group in its file, of the rule in its group. */
  documentIndex: number;
  groupIndex: number;
  ruleIndex: number;
  /** Document range of the rule's mapping. */
  start: number;
  end: number;
}

export interface GroupModel {
  name: string;
  nameEntry?: EntrySite;
  interval?: EntrySite;
  documentIndex: number;
  groupIndex: number;
  /** `plain` for a Prometheus rule file, `PrometheusRule` for the Kubernetes resource's `spec`. */
  source: RuleFileKind;
  rules: RuleModel[];
  start: number;
  end: number;
}

export type RuleFileKind = 'plain' | 'PrometheusRule';
