/**
 * Recording rules across the workspace: where a name is defined, every place
 * it is used (rule expressions, dashboard targets), and renaming all of them.
 */
import type { Caches } from '../base/caches';
import { selectorsOf } from '../catalog/tree';
import { parsePromql } from '../promql';
import type { ExpressionSite } from '../promql/site';
import type { RecordingRuleDefinition } from '../workspace/index';
import type { TargetLocation } from './types';
import { say } from './messages';

export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** A document's expressions, as the service locates them. */
export interface DocumentExpressions {
  uri: string;
  sites: ExpressionSite[];
}

/** Document ranges of the selectors naming `metric` as an identifier in one expression. */
export function usesIn(site: ExpressionSite, metric: string, caches?: Caches): [number, number][] {
  if (!site.value.includes(metric)) return [];
  return selectorsOf(parsePromql(site.value, caches), site.value)
    .filter((selector) => selector.metric === metric && selector.metricIsIdentifier && !site.isSubstituted?.(selector.metricFrom, selector.metricTo))
    .map((selector) => site.toDocumentRange(selector.metricFrom, selector.metricTo));
}

/** Every use of `metric` in the given documents. */
export function referencesTo(metric: string, documents: Iterable<DocumentExpressions>, caches?: Caches): TargetLocation[] {
  const out: TargetLocation[] = [];
  for (const document of documents) {
    for (const site of document.sites) {
      for (const [start, end] of usesIn(site, metric, caches)) out.push({ uri: document.uri, start, end });
    }
  }
  return out;
}

/** The definition ranges of a recording rule: the name inside its `record:` value, without quotes. */
export function definitionsOf(definitions: readonly RecordingRuleDefinition[], textOf: (uri: string) => string | undefined): TargetLocation[] {
  return definitions.map((rule) => {
    const text = textOf(rule.uri) ?? '';
    const at = text.indexOf(rule.name, rule.start);
    return at >= rule.start && at < rule.end ? { uri: rule.uri, start: at, end: at + rule.name.length } : { uri: rule.uri, start: rule.start, end: rule.end };
  });
}

/** Why `newName` cannot replace a recording rule's name, or undefined when it can. */
export function renameProblem(oldName: string, newName: string, taken: (name: string) => boolean): string | undefined {
  if (!METRIC_NAME.test(newName)) return say('renameInvalid', { name: newName });
  if (newName === oldName) return say('renameSame');
  if (taken(newName)) return say('renameTaken', { name: newName });
  return undefined;
}
