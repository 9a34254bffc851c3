/**
 * What changed between two versions of a file's facts, as the checks see it.
 *
 * Positions are left out: typing above a recording rule moves it but changes
 * nothing another file is checked against. Recording rules are compared name
 * by name, so a cache can keep every result that did not read a changed one.
 */
import type { AlertRuleFact, FileFacts, RecordingRuleDefinition } from './facts';

export interface FactsChange {
  /** Nothing a check reads changed (positions may have). */
  none: boolean;
  /** Scrape configs, catalog extensions, services or live facts changed: the effective catalog differs. */
  catalog: boolean;
  /** Recording rules were added, removed or renamed: the set of names differs. */
  ruleNames: boolean;
  /** Names of recording rules whose definition (expr, labels) changed, or that came or went. */
  rules: Set<string>;
}

export function compareFacts(before: FileFacts, after: FileFacts): FactsChange {
  const rules = changedRules(before.recordingRules, after.recordingRules);
  const ruleNames = !sameNames(before.recordingRules, after.recordingRules);
  const catalog = !sameJson([before.scrape, before.catalog, before.services, before.live], [after.scrape, after.catalog, after.services, after.live]);
  const others =
    before.ruleFile !== after.ruleFile ||
    !sameAlerts(before.alerts ?? [], after.alerts ?? []) ||
    !sameJson(withoutPositions(before.dashboard), withoutPositions(after.dashboard)) ||
    !sameJson(before.compose, after.compose) ||
    !sameJson(before.datasources, after.datasources) ||
    !sameJson(before.traceConfig, after.traceConfig) ||
    !sameJson(before.otlpEndpoints, after.otlpEndpoints);
  return { none: rules.size === 0 && !ruleNames && !catalog && !others, catalog, ruleNames, rules };
}

function changedRules(before: readonly RecordingRuleDefinition[], after: readonly RecordingRuleDefinition[]): Set<string> {
  const changed = new Set<string>();
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i++) {
    const a = before[i];
    const b = after[i];
    if (a && b && a.name === b.name && a.expr === b.expr && a.uri === b.uri && sameLabels(a.labels, b.labels)) continue;
    if (a) changed.add(a.name);
    if (b) changed.add(b.name);
  }
  return changed;
}

function sameNames(before: readonly RecordingRuleDefinition[], after: readonly RecordingRuleDefinition[]): boolean {
  if (before.length === after.length && before.every((rule, i) => rule.name === after[i]?.name)) return true;
  const a = new Set(before.map((r) => r.name));
  const b = new Set(after.map((r) => r.name));
  return a.size === b.size && [...a].every((name) => b.has(name));
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const aKeys = Object.keys(a ?? {});
  if (aKeys.length !== Object.keys(b ?? {}).length) return false;
  return aKeys.every((key) => a?.[key] === b?.[key]);
}

function sameAlerts(before: readonly AlertRuleFact[], after: readonly AlertRuleFact[]): boolean {
  if (before.length !== after.length) return false;
  return before.every((a, i) => {
    const b = after[i];
    return b !== undefined && a.name === b.name && a.uri === b.uri && a.group === b.group && a.expr === b.expr && a.for === b.for && a.severity === b.severity && sameJson(a.selectors, b.selectors);
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A JSON-able value without its `start` / `end` document offsets. */
function withoutPositions(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'start' || key === 'end' ? undefined : v)));
}

/** What a cached result read of the workspace while it was computed. */
export class Reads {
  /** Recording rules looked up by name (found or not). */
  readonly names = new Set<string>();
  /** Every recording rule's definition (iterated the values). */
  allRules = false;
  /** Facts beyond recording rules and the catalog (alerts, dashboards, rule files, ...). */
  other = false;
}

/**
 * The recording-rule map seen by a tracked computation: every lookup is
 * noted, so the result stays valid while those rules stay the same.
 */
export class TrackedRules implements ReadonlyMap<string, readonly RecordingRuleDefinition[]> {
  constructor(
    private readonly inner: ReadonlyMap<string, readonly RecordingRuleDefinition[]>,
    private readonly reads: Reads,
  ) {}

  get(name: string): readonly RecordingRuleDefinition[] | undefined {
    this.reads.names.add(name);
    return this.inner.get(name);
  }

  has(name: string): boolean {
    this.reads.names.add(name);
    return this.inner.has(name);
  }

  // The set of names is covered by the catalog generation (a rename bumps it); values are not.
  get size(): number {
    return this.inner.size;
  }

  keys(): MapIterator<string> {
    return this.inner.keys();
  }

  values(): MapIterator<readonly RecordingRuleDefinition[]> {
    this.reads.allRules = true;
    return this.inner.values();
  }

  entries(): MapIterator<[string, readonly RecordingRuleDefinition[]]> {
    this.reads.allRules = true;
    return this.inner.entries();
  }

  forEach(callback: (value: readonly RecordingRuleDefinition[], key: string, map: ReadonlyMap<string, readonly RecordingRuleDefinition[]>) => void): void {
    this.reads.allRules = true;
    this.inner.forEach((value, key) => callback(value, key, this));
  }

  [Symbol.iterator](): MapIterator<[string, readonly RecordingRuleDefinition[]]> {
    return this.entries();
  }
}
