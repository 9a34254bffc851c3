import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../base/lineIndex';
import type { Finding, Fix } from '../base/types';
import type { RuleGroupsSite } from './detect';
import { parsePrometheusDuration, suggestDuration } from './duration';
import type { EntrySite, GroupModel, RuleModel } from './model';
import { describeNode, entrySite, FindingSink, spanOf } from './sites';
import { closestMatch } from '../base/suggest';
import type { ReaderCodes } from '../base/check';
import { say } from './messages';

/**
 * rules/structure: the shape of rule groups and rules, as Prometheus checks
 * it when loading a rule file (model/rulefmt/rulefmt.go: Parse, RuleGroups.Validate,
 * Rule.Validate). Unlike promtool, every problem is reported, not the first
 * YAML decoding error only, and each on the node at fault.
 * https://github.com/prometheus/prometheus/blob/v2.42.0/model/rulefmt/rulefmt.go
 */
export const STRUCTURE_CODE = 'rules/structure';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** rulefmt.RuleGroup's fields; `query_offset` (2.53) and `labels` (3.0) are newer than 2.42. */
const GROUP_FIELDS = ['name', 'interval', 'query_offset', 'limit', 'rules', 'labels'];
/** Thanos' field, which prometheus-operator passes through in PrometheusRule groups. */
const OPERATOR_GROUP_FIELDS = [...GROUP_FIELDS, 'partial_response_strategy'];
const RULE_FIELDS = ['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];

export interface StructureResult {
  findings: Finding[];
  groups: GroupModel[];
}

type AnyPair = Pair<Node, Node | null>;

class StructureChecker {
  readonly sink = new FindingSink(STRUCTURE_CODE);
  private linesOfText: LineIndex | undefined;

  constructor(
    private readonly text: string,
    /** Gives the node to check for an item of a `rules:` list (a file read rule by rule stands in placeholders). */
    private readonly resolveRule: (item: Node | null) => Node | null = (item) => item,
  ) {}

  /** Built on first need (a repeated group name): most files never need it. */
  private get lines(): LineIndex {
    this.linesOfText ??= new LineIndex(this.text);
    return this.linesOfText;
  }

  check(sites: readonly RuleGroupsSite[]): StructureResult {
    const groups = sites.flatMap((site) => this.checkFile(site));
    return { findings: this.sink.findings, groups };
  }

  private keySpan(pair: AnyPair): [number, number] {
    // An empty key (`: 1`) has an empty range: its place is the colon after it.
    // Stryker disable next-line OptionalChaining: a parsed key has a range
    const from = pair.key.range?.[0] ?? 0;
    const colon = this.text.indexOf(':', from);
    // A key the parser made up while recovering from a broken line may have no colon after it: its own place then.
    return spanOf(pair.key, colon < 0 ? [from, from] : [colon, colon + 1]);
  }

  private renameFix(pair: AnyPair, to: string): Fix[] {
    const [start, end] = this.keySpan(pair);
    return [{ title: say('fixRename', { to }), edits: [{ start, end, newText: to }], preferred: true }];
  }

  /** Keys outside `known`, worded as Go's yaml decoder does with KnownFields. */
  private unknownField(pair: AnyPair, known: readonly string[], goType: string): void {
    const name = isScalar(pair.key) ? String(pair.key.value) : '?';
    const suggestion = closestMatch(name, known);
    this.sink.add(this.keySpan(pair), say('unknownField', { name, goType, known, ...(suggestion ? { suggestion } : {}) }), 'error', suggestion ? this.renameFix(pair, suggestion) : undefined);
  }

  private checkFile(site: RuleGroupsSite): GroupModel[] {
    if (site.kind === 'plain') {
      for (const pair of site.container.items as AnyPair[]) {
        if (pair !== site.groups) this.unknownField(pair, ['groups'], 'rulefmt.RuleGroups');
      }
    }
    const list = site.groups.value;
    if (list === null || (isScalar(list) && list.value === null)) return [];
    if (!isSeq(list)) {
      this.sink.add(spanOf(list, this.keySpan(site.groups)), say('groupsNotList', { found: describeNode(list) }));
      return [];
    }
    const firstByName = new Map<string, number>();
    const groups: GroupModel[] = [];
    list.items.forEach((item, groupIndex) => {
      const group = this.checkGroup(site, item as Node | null, groupIndex, spanOf(list, this.keySpan(site.groups)));
      if (!group) return;
      if (group.nameEntry && group.name !== '') {
        const first = firstByName.get(group.name);
        if (first !== undefined) {
          const line = this.lines.positionAt(first).line + 1;
          const { value } = group.nameEntry;
          this.sink.add([value.start, value.end], say('groupRepeated', { name: group.name, line }));
        } else {
          firstByName.set(group.name, group.nameEntry.value.start);
        }
      }
      groups.push(group);
    });
    return groups;
  }

  private checkGroup(site: RuleGroupsSite, node: Node | null, groupIndex: number, listSpan: [number, number]): GroupModel | undefined {
    const span = spanOf(node, listSpan);
    if (!isMap(node)) {
      this.sink.add(span, say('groupNotMapping', { found: describeNode(node) }));
      return undefined;
    }
    const known = site.kind === 'PrometheusRule' ? OPERATOR_GROUP_FIELDS : GROUP_FIELDS;
    const group: GroupModel = { name: '', documentIndex: site.documentIndex, groupIndex, source: site.kind, rules: [], start: span[0], end: span[1] };
    let rulesPair: AnyPair | undefined;
    for (const pair of node.items as AnyPair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      switch (key) {
        case 'name': {
          const entry = this.scalarEntry(pair, 'name');
          if (entry) {
            group.nameEntry = entry;
            group.name = entry.value.value;
          }
          break;
        }
        case 'interval':
        case 'query_offset': {
          const entry = this.durationEntry(pair, key);
          if (entry && key === 'interval') group.interval = entry;
          break;
        }
        case 'limit':
          this.checkLimit(pair);
          break;
        case 'rules':
          rulesPair = pair;
          break;
        case 'labels':
          this.labelEntries(pair, 'label');
          break;
        default:
          // Stryker disable next-line ConditionalExpression: known.includes(undefined) is false too: a key that is no scalar is unknown either way
          if (key === undefined || !known.includes(key)) this.unknownField(pair, known, 'rulefmt.RuleGroup');
      }
    }
    if (group.name === '') {
      const where: [number, number] = group.nameEntry ? [group.nameEntry.keyStart, group.nameEntry.keyEnd] : this.firstKeySpan(node, span);
      if (!group.nameEntry && node.items.some((p) => isScalar(p.key) && p.key.value === 'name')) {
        // A non-scalar name was reported already.
      } else {
        this.sink.add(where, say('groupNeedsName'));
      }
    }
    const rules = rulesPair?.value;
    if (rulesPair && rules !== null && !(isScalar(rules) && rules.value === null)) {
      if (!isSeq(rules)) {
        this.sink.add(spanOf(rules, this.keySpan(rulesPair)), say('rulesNotList', { found: describeNode(rules) }));
      } else {
        rules.items.forEach((item, ruleIndex) => {
          const node = this.resolveRule(item as Node | null);
          const rule = this.checkRule(node, group, ruleIndex, spanOf(rules, this.keySpan(rulesPair)));
          if (rule) group.rules.push(rule);
          // A placeholder is shorter than its rule: the group reaches as far as its rules do (in a whole parse it does already).
          // Stryker disable next-line ConditionalExpression,OptionalChaining: every item of a parsed list is a node with a range (an empty item is a null scalar)
          if (node?.range) group.end = Math.max(group.end, node.range[1]);
        });
      }
    }
    return group;
  }

  private firstKeySpan(map: YAMLMap, fallback: [number, number]): [number, number] {
    const first = map.items[0] as AnyPair | undefined;
    return first ? this.keySpan(first) : fallback;
  }

  /** A `key: scalar` entry; a list or mapping is reported as Go's decoder would refuse it. */
  private scalarEntry(pair: AnyPair, what: string): EntrySite | undefined {
    if (pair.value !== null && !isScalar(pair.value)) {
      this.sink.add(spanOf(pair.value, this.keySpan(pair)), say('notAString', { what, found: describeNode(pair.value) }));
      return undefined;
    }
    if (pair.value === null) {
      const [keyStart, keyEnd] = this.keySpan(pair);
      return { key: what, keyStart, keyEnd, value: { value: '', start: keyEnd, end: keyEnd, toDocumentOffset: () => keyEnd, toDocumentRange: () => [keyEnd, keyEnd] } };
    }
    return entrySite(this.text, pair);
  }

  private durationEntry(pair: AnyPair, what: string): EntrySite | undefined {
    const entry = this.scalarEntry(pair, what);
    // A null duration (`for:`, `? for`) is Go's zero duration: no duration to judge.
    if (!entry || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return undefined;
    const result = parsePrometheusDuration(entry.value.value);
    if (!result.ok) {
      const better = suggestDuration(entry.value.value);
      const span: [number, number] = [entry.value.start, entry.value.end];
      const fixes = better ? [{ title: say('fixChange', { to: better }), edits: [{ start: span[0], end: span[1], newText: better }], preferred: true }] : undefined;
      // A value that is no duration has a place: an empty one is quoted (`""`, its quotes), a null one was let through above.
      this.sink.add(span, say('badField', { what, problem: result.message }), 'error', fixes);
      return undefined;
    }
    return entry;
  }

  private checkLimit(pair: AnyPair): void {
    const value = pair.value;
    if (value === null || (isScalar(value) && value.value === null)) return;
    const span = spanOf(value, this.keySpan(pair));
    // Stryker disable next-line ConditionalExpression,LogicalOperator: each test alone tells a limit that is no integer: a list or mapping has no number value, and Number.isInteger is false for anything but a number
    if (!isScalar(value) || typeof value.value !== 'number' || !Number.isInteger(value.value)) {
      this.sink.add(span, say('limitNotInteger', { found: describeNode(value) }));
    } else if (value.value < 0) {
      this.sink.add(span, say('limitNegative'), 'warning');
    }
  }

  /** `labels` / `annotations`: a mapping of valid names to scalar values. */
  private labelEntries(pair: AnyPair, what: 'label' | 'annotation'): EntrySite[] {
    const map = pair.value;
    if (map === null || (isScalar(map) && map.value === null)) return [];
    if (!isMap(map)) {
      this.sink.add(spanOf(map, this.keySpan(pair)), say('entriesNotMapping', { what, found: describeNode(map) }));
      return [];
    }
    const entries: EntrySite[] = [];
    for (const item of map.items as AnyPair[]) {
      // Stryker disable next-line ArrayDeclaration: a parsed mapping has a range
      const keySpan = spanOf(item.key, spanOf(map, [0, 0]));
      if (!isScalar(item.key)) {
        this.sink.add(keySpan, say('entryNameNotString', { what }));
        continue;
      }
      const name = String(item.key.value);
      if (!LABEL_NAME.test(name)) {
        this.sink.add(keySpan, say('entryNameInvalid', { what, name }));
      } else if (what === 'label' && name === '__name__') {
        this.sink.add(keySpan, say('labelIsMetricName'));
      } else if (what === 'label' && name.startsWith('__')) {
        this.sink.add(keySpan, say('labelReserved', { name }), 'warning');
      }
      const entry = this.scalarEntry(item, say('entryField', { what, name }));
      if (entry) entries.push({ ...entry, key: name });
    }
    return entries;
  }

  checkRule(node: Node | null, group: GroupModel, ruleIndex: number, listSpan: [number, number]): RuleModel | undefined {
    const span = spanOf(node, listSpan);
    if (!isMap(node)) {
      this.sink.add(span, say('ruleNotMapping', { found: describeNode(node) }));
      return undefined;
    }
    const pairs = new Map<string, AnyPair>();
    const entries = new Map<string, EntrySite>();
    let labels: EntrySite[] = [];
    let annotations: EntrySite[] = [];
    for (const pair of node.items as AnyPair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      // Stryker disable next-line ConditionalExpression: RULE_FIELDS.includes(undefined) is false too: a key that is no scalar is unknown either way
      if (key === undefined || !RULE_FIELDS.includes(key)) {
        this.unknownField(pair, RULE_FIELDS, 'rulefmt.RuleNode');
        continue;
      }
      pairs.set(key, pair);
      if (key === 'labels') labels = this.labelEntries(pair, 'label');
      else if (key === 'annotations') annotations = this.labelEntries(pair, 'annotation');
      else if (key === 'for' || key === 'keep_firing_for') {
        const entry = this.durationEntry(pair, key);
        // Stryker disable next-line ConditionalExpression: entries is only read with get, which gives undefined for a key set to undefined as for a key not set
        if (entry) entries.set(key, entry);
      } else {
        const entry = this.scalarEntry(pair, key);
        // Stryker disable next-line ConditionalExpression: entries is only read with get, which gives undefined for a key set to undefined as for a key not set
        if (entry) entries.set(key, entry);
      }
    }
    const firstKey = this.firstKeySpan(node, span);
    const record = entries.get('record');
    const alert = entries.get('alert');
    const named = [record, alert].filter((e): e is EntrySite => e !== undefined && e.value.value !== '');
    if (named.length === 2) {
      // Stryker disable next-line EqualityOperator: two keys of one mapping never start at the same offset
      const second = (record as EntrySite).keyStart > (alert as EntrySite).keyStart ? (record as EntrySite) : (alert as EntrySite);
      this.sink.add([second.keyStart, second.keyEnd], say('recordAndAlert'));
    } else if (named.length === 0) {
      const empty = record ?? alert;
      if (empty) this.sink.add([empty.keyStart, empty.keyEnd], say('nameEmpty', { key: empty.key }));
      // A record or alert that is a list or mapping was reported already.
      else if (!pairs.has('record') && !pairs.has('alert')) this.sink.add(firstKey, say('recordOrAlert'));
    }
    const expr = entries.get('expr');
    if (!pairs.has('expr')) {
      this.sink.add(firstKey, say('exprMissing'));
    } else if (expr && expr.value.value.trim() === '') {
      this.sink.add(expr.value.end > expr.value.start ? [expr.value.start, expr.value.end] : [expr.keyStart, expr.keyEnd], say('exprEmpty'));
    }
    const kind = named.length === 1 ? (named[0] === record ? 'record' : 'alert') : undefined;
    if (kind === 'record' && record) this.checkRecordingRule(record, pairs, entries, annotations);
    if (!kind) return undefined;
    const nameEntry = named[0] as EntrySite;
    const rule: RuleModel = {
      kind,
      name: nameEntry.value.value,
      nameEntry,
      labels,
      annotations,
      group: group.name,
      documentIndex: group.documentIndex,
      groupIndex: group.groupIndex,
      ruleIndex,
      start: span[0],
      end: span[1],
    };
    if (expr && expr.value.value.trim() !== '') rule.expr = expr.value;
    const forEntry = entries.get('for');
    const keepFiringFor = entries.get('keep_firing_for');
    if (forEntry) rule.for = forEntry;
    if (keepFiringFor) rule.keepFiringFor = keepFiringFor;
    return rule;
  }

  private checkRecordingRule(record: EntrySite, pairs: Map<string, AnyPair>, entries: Map<string, EntrySite>, annotations: EntrySite[]): void {
    const name = record.value.value;
    if (!METRIC_NAME.test(name)) {
      this.sink.add([record.value.start, record.value.end], say('recordNameInvalid', { name, braces: /[{}]/.test(name) }));
    }
    const annotationsPair = pairs.get('annotations');
    if (annotationsPair && annotations.length > 0) {
      this.sink.add(this.keySpan(annotationsPair), say('recordAnnotations'));
    }
    for (const key of ['for', 'keep_firing_for'] as const) {
      const pair = pairs.get(key);
      const entry = entries.get(key);
      if (!pair || !entry) continue;
      const parsed = parsePrometheusDuration(entry.value.value);
      const nonZero = parsed.ok && parsed.milliseconds > 0;
      if (nonZero) this.sink.add(this.keySpan(pair), say('recordWaits', { key }));
      else this.sink.add(this.keySpan(pair), say('recordNoEffect', { key }), 'warning');
    }
  }
}

/** Checks the shape of every rule group in the given documents and builds the rule model. */
export function checkStructure(text: string, sites: readonly RuleGroupsSite[], resolveRule?: (item: Node | null) => Node | null): StructureResult {
  return new StructureChecker(text, resolveRule).check(sites);
}

/**
 * Checks one rule mapping of `group` on its own, as checkStructure would in
 * place: what an edit inside one rule needs re-checked.
 */
export function checkRuleAlone(text: string, node: YAMLMap, group: GroupModel, ruleIndex: number): { rule?: RuleModel; findings: Finding[] } {
  const checker = new StructureChecker(text);
  // Stryker disable next-line ArrayDeclaration: a parsed mapping has a range
  const rule = checker.checkRule(node, group, ruleIndex, spanOf(node, [0, 0]));
  return { ...(rule ? { rule } : {}), findings: checker.sink.findings };
}

export const ruleStructureCodes: ReaderCodes = {
  meta: {
    name: 'rules/structure',
    on: 'reader',
    fileKinds: ['rules'],
    description:
      'rule files (plain `groups:`, multi-document, Kubernetes `PrometheusRule`): group names, intervals, record vs alert, metric and label names, durations (`5 minutes` → `5m`), unknown fields as Prometheus words them — every problem, not just the first',
    codes: [
      {
        code: 'rules/structure',
        severity: 'error',
        short: 'rule file shape is wrong',
        help: 'The Prometheus rule file does not have the shape Prometheus loads: groups, names, record vs alert, durations, labels.',
        ja: { short: 'ルールファイルの構造が誤っている', help: 'Prometheus ルールファイルが Prometheus の読み込める形になっていません: groups、名前、record と alert、期間、ラベル。' },
      },
    ],
  },
};
