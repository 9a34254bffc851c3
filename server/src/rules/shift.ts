/**
 * Moving located results by a number of characters: what an edit earlier in
 * the document does to everything after it. Shifted scalar sites keep a
 * reference to the site they came from plus the total distance, so a rule
 * that moves ten thousand times is still one hop from its offsets.
 */
import type { EntrySite, GroupModel, RuleModel, ScalarSite } from './model';
import type { Finding, Fix } from '../base/types';

export function shiftFinding(finding: Finding, delta: number): Finding {
  if (delta === 0) return finding;
  const shifted: Finding = { ...finding, start: finding.start + delta, end: finding.end + delta };
  if (finding.fixes) shifted.fixes = finding.fixes.map((fix) => shiftFix(fix, delta));
  if (finding.disableAt !== undefined) shifted.disableAt = finding.disableAt + delta;
  if (finding.related) shifted.related = finding.related.map((related) => (related.uri === undefined ? { ...related, start: related.start + delta, end: related.end + delta } : related));
  return shifted;
}

function shiftFix(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })) };
}

class ShiftedSite implements ScalarSite {
  readonly value: string;
  readonly start: number;
  readonly end: number;

  constructor(
    readonly origin: ScalarSite,
    readonly delta: number,
  ) {
    this.value = origin.value;
    this.start = origin.start + delta;
    this.end = origin.end + delta;
  }

  toDocumentOffset(valueOffset: number): number {
    return this.origin.toDocumentOffset(valueOffset) + this.delta;
  }

  toDocumentRange(from: number, to: number): [number, number] {
    const [start, end] = this.origin.toDocumentRange(from, to);
    return [start + this.delta, end + this.delta];
  }

  shifted(delta: number): ShiftedSite {
    return new ShiftedSite(this.origin, this.delta + delta);
  }
}

/** The site a shifted site was made from (itself when it never moved): the same text, so the same results. */
export function originOfSite<T extends object>(site: T): T | ScalarSite {
  return site instanceof ShiftedSite ? site.origin : site;
}

/** Rules that only moved, to the rule they were made from. Shared by every service: keyed by a rule model, which is one document's, and dropped with it. */
const ruleOrigins = new WeakMap<RuleModel, RuleModel>();

/** The rule a moved rule was made from (itself when it never moved). */
export function originOfRule(rule: RuleModel): RuleModel {
  return ruleOrigins.get(rule) ?? rule;
}

export function shiftSite(site: ScalarSite, delta: number): ScalarSite {
  if (delta === 0) return site;
  return site instanceof ShiftedSite ? site.shifted(delta) : new ShiftedSite(site, delta);
}

function shiftEntry(entry: EntrySite, delta: number): EntrySite {
  return { key: entry.key, keyStart: entry.keyStart + delta, keyEnd: entry.keyEnd + delta, value: shiftSite(entry.value, delta) };
}

export function shiftRule(rule: RuleModel, delta: number): RuleModel {
  if (delta === 0) return rule;
  const shifted: RuleModel = {
    ...rule,
    nameEntry: shiftEntry(rule.nameEntry, delta),
    labels: rule.labels.map((label) => shiftEntry(label, delta)),
    annotations: rule.annotations.map((annotation) => shiftEntry(annotation, delta)),
    start: rule.start + delta,
    end: rule.end + delta,
  };
  if (rule.expr) shifted.expr = shiftSite(rule.expr, delta);
  if (rule.for) shifted.for = shiftEntry(rule.for, delta);
  if (rule.keepFiringFor) shifted.keepFiringFor = shiftEntry(rule.keepFiringFor, delta);
  ruleOrigins.set(shifted, originOfRule(rule));
  return shifted;
}

/** A group moved as a whole, its rules given (already placed). */
export function shiftGroup(group: GroupModel, delta: number, rules: RuleModel[], endDelta = delta): GroupModel {
  const shifted: GroupModel = { ...group, rules, start: group.start + delta, end: group.end + endDelta };
  if (group.nameEntry) shifted.nameEntry = shiftEntry(group.nameEntry, delta);
  if (group.interval) shifted.interval = shiftEntry(group.interval, delta);
  return shifted;
}
