/**
 * Re-analysing a rule file after an edit inside one rule, without parsing the
 * rest of it again: the usual keystroke in a file of thousands of rules.
 *
 * The edited rule's lines (from its `- ` to the end of its last line) are
 * parsed on their own and checked alone; every rule and finding after it moves
 * by the edit's length. The YAML tree of the whole file is not kept up to date:
 * the few who need it parse the new text when they ask. Anything
 * this cannot reproduce exactly (the edit touches the `- ` or the lines around
 * the rule, the rule becomes two or stops being one, anchors, keep-chomped
 * block scalars, a syntax error) returns undefined and the caller parses the
 * whole file, so the result is always what a full analysis would give.
 */
import type { Node, YAMLMap } from 'yaml';
import type { Caches } from '../base/caches';
import { detached } from '../base/detached';
import type { Finding } from '../base/types';
import { shiftFinding, shiftGroup, shiftRule } from './shift';
import { multilineScalars, type Span } from '../suppression/suppression';
import type { RuleFileAnalysis } from './analyze';
import { checkDuplicates, DUPLICATE_CODE } from './duplicate';
import type { GroupModel, RuleModel } from './model';
import { checkRuleAlone } from './structure';
import { ChunkedReadFailed, parseRule, READ_PAST_RULE } from './chunked';
import { checkTemplates } from './template';
import { lastStartingAtOrBefore } from '../base/spans';

/** A message naming a line, in English or Japanese (a string, not a regex literal: the bundle stays ASCII). */
const NAMES_A_LINE = new RegExp('\\bline \\d|\\d 行目');

/** A rule file's analysis; only files whose YAML parses without errors can be updated. */
export interface RuleFileSnapshot {
  text: string;
  rules: RuleFileAnalysis;
  /** Multi-line scalars, when they were computed. */
  scalars?: Span[];
}

/** The analysis of `text`, made from the previous snapshot's; undefined when only a full parse will do. */
export function updateRuleFile(before: RuleFileSnapshot, text: string, caches?: Caches): RuleFileSnapshot | undefined {
  const old = before.text;
  const edit = changedRegion(old, text);
  const ruleIndex = lastStartingAtOrBefore(before.rules.rules, edit.start);
  const rule = before.rules.rules[ruleIndex];
  if (!rule || edit.start < rule.start) return undefined;
  // The rule's lines: from the start of its `- ` line to the line break ending its last line.
  const itemStart = old.lastIndexOf('\n', rule.start - 1) + 1;
  const dash = /^( *)- +$/.exec(old.slice(itemStart, rule.start));
  if (!dash) return undefined;
  const lineBreak = old[rule.end - 1] === '\n' ? rule.end - 1 : old.indexOf('\n', rule.end);
  // The line break itself stays: an edit that joins the rule to the next line is not inside it.
  if (lineBreak < 0 || edit.oldEnd > lineBreak) return undefined;
  const oldItemEnd = lineBreak + 1;
  const delta = text.length - old.length;
  const chunk = text.slice(itemStart, oldItemEnd + delta);
  if (!staysInsideItem(chunk, dash[1]?.length ?? 0)) return undefined;

  // The rule is read from a copy of its lines (and of what follows them, which the parse looks at),
  // then moved to its place: the names, expressions and messages it keeps hold that copy, not this
  // version's whole text (a slice keeps its string alive: one 2 MB version per edited rule otherwise).
  const local = detached(text.slice(itemStart, oldItemEnd + delta + READ_PAST_RULE));
  let node: YAMLMap;
  try {
    node = parseRule(local, { start: 0, end: chunk.length });
  } catch (error) {
    if (error instanceof ChunkedReadFailed) return undefined;
    throw error;
  }
  const group = before.rules.groups.find((g) => g.documentIndex === rule.documentIndex && g.groupIndex === rule.groupIndex);
  if (!group || ANCHOR.test(old.slice(itemStart, oldItemEnd))) return undefined;
  const alone = checkRuleAlone(local, node, group, rule.ruleIndex);
  // A finding on a node without a range is put at the document's start by a full read; read alone,
  // that start would be the rule's: only a full read says it as it does.
  if (!alone.rule || alone.findings.some((finding) => finding.start === 0 && finding.end === 0)) return undefined;
  const checked = { rule: shiftRule(alone.rule, itemStart), findings: alone.findings.map((finding) => shiftFinding(finding, itemStart)) };

  const linesMoved = countLineBreaks(old, edit.start, edit.oldEnd) !== countLineBreaks(text, edit.start, edit.newEnd);
  const findings = movedFindings(before.rules.findings, itemStart, oldItemEnd, delta, linesMoved);
  if (!findings) return undefined;

  const rules = placeRules(before.rules, group, ruleIndex, checked.rule, oldItemEnd, delta);
  findings.push(...checked.findings, ...checkTemplates([checked.rule], caches), ...checkDuplicates(text, rules.rules, caches));
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  const snapshot: RuleFileSnapshot = { text, rules: { findings, rules: rules.rules, groups: rules.groups } };
  if (before.scalars) snapshot.scalars = movedScalars(before.scalars, local, node, itemStart, oldItemEnd, delta);
  return snapshot;
}

/** The changed part of a text: the same before `start` and after the old `oldEnd` / new `newEnd`. */
function changedRegion(old: string, text: string): { start: number; oldEnd: number; newEnd: number } {
  const shorter = Math.min(old.length, text.length);
  // Whole blocks first (compared natively), then characters.
  const BLOCK = 4096;
  let start = 0;
  while (start + BLOCK <= shorter && old.slice(start, start + BLOCK) === text.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix + BLOCK <= shorter - start && old.slice(old.length - suffix - BLOCK, old.length - suffix) === text.slice(text.length - suffix - BLOCK, text.length - suffix)) suffix += BLOCK;
  while (suffix < shorter - start && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start, oldEnd: old.length - suffix, newEnd: text.length - suffix };
}

/** Every line after the `- ` line is blank or indented past the dash, with spaces: the text cannot close the item early. */
function staysInsideItem(chunk: string, dashColumn: number): boolean {
  const lines = chunk.split('\n');
  lines.pop(); // the empty remainder after the final line break
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (indent <= dashColumn || line[indent] === '\t') return false;
  }
  // A lone \r is a line break to the full parse (parseYaml), not to a chunk parsed alone.
  return !chunk.includes('\t') && !/\r(?!\n)/.test(chunk);
}

/**
 * An anchor or alias in the old text of the rule: the rest of the file may
 * refer to it. Conservative (PromQL's `2 *x` matches too): a match only means
 * the whole file is parsed.
 */
const ANCHOR = /(?:^|[\s[{,])[&*][^\s,\]}]/;

/** Findings of the previous analysis outside the edited rule, moved; undefined when one would not survive the move as is. */
function movedFindings(findings: readonly Finding[], itemStart: number, oldItemEnd: number, delta: number, linesMoved: boolean): Finding[] | undefined {
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (finding.code === DUPLICATE_CODE) continue; // recomputed over the new rules
    if (finding.start >= itemStart && finding.end <= oldItemEnd) continue; // the edited rule's own
    if (finding.start < itemStart && finding.end > itemStart) return undefined;
    const after = finding.start >= oldItemEnd;
    // A message naming a line ("first defined on line 12") is stale once lines move.
    if (after && linesMoved && NAMES_A_LINE.test(finding.message)) return undefined;
    kept.push(after ? shiftFinding(finding, delta) : finding);
  }
  return kept;
}

/** The rules and groups with the edited rule replaced and everything after it moved. */
function placeRules(before: RuleFileAnalysis, group: GroupModel, ruleIndex: number, edited: RuleModel, oldItemEnd: number, delta: number): { rules: RuleModel[]; groups: GroupModel[] } {
  const placed = new Map<RuleModel, RuleModel>();
  const rules = before.rules.map((rule, i) => {
    const moved = i < ruleIndex ? rule : i === ruleIndex ? edited : shiftRule(rule, delta);
    placed.set(rule, moved);
    return moved;
  });
  const groups = before.groups.map((g) => {
    const groupRules = g.rules.map((rule) => placed.get(rule) ?? rule);
    if (g === group) return shiftGroup(g, 0, groupRules, delta);
    if (g.start >= oldItemEnd) return shiftGroup(g, delta, groupRules);
    return g.end >= oldItemEnd ? shiftGroup(g, 0, groupRules, delta) : g;
  });
  return { rules, groups };
}

/** The multi-line scalars with the edited rule's read again (`local`: its text, `item` its node, both from the rule's first line). */
function movedScalars(scalars: readonly Span[], local: string, item: Node, itemStart: number, oldItemEnd: number, delta: number): Span[] {
  const before = scalars.filter((s) => s.end <= itemStart);
  const after = scalars.filter((s) => s.start >= oldItemEnd).map((s) => ({ start: s.start + delta, end: s.end + delta }));
  const inside = multilineScalars(local, [item]).map((s) => ({ start: s.start + itemStart, end: s.end + itemStart }));
  return [...before, ...inside, ...after];
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) count++;
  return count;
}
