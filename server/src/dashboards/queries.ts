import type { Caches } from '../base/caches';
import { checkPromql } from '../promql';
import type { CheckExpression, ExpressionSite } from '../promql/site';
import { closestMatch } from '../base/suggest';
import type { Finding } from '../base/types';
import { resolveDatasource, type DatasourceKind, type ResolvedDatasource } from './datasource';
import { itemsOf, keyNode, prop, stringOffsets, type JsonNode, type StringOffsets } from './json';
import { checkLogql, checkLogqlQuery, looksLikeLogql } from './logql';
import type { DashboardModel } from './model';
import { findVariableReferences, hasAmbiguousReference, isBuiltin, substitute, type SubstitutedQuery, type VariableReference } from './variables';
import type { ReaderCodes } from '../base/check';
import { say } from './messages';

/** What a dashboard without any datasource falls back to: Grafana's default, Prometheus in the design. */
export const DEFAULT_DATASOURCE: DatasourceKind = 'prometheus';

/** Counts of what was checked, for benchmarks and tests. */
export interface QueryStats {
  promql: number;
  logql: number;
  skipped: number;
}

/**
 * Every target's query, through the checker of its datasource's language:
 * PromQL through `checkExpression` (syntax, types, the registry's checks), LogQL through
 * the LogQL checks. Template variables are substituted first; one that the
 * dashboard does not define is `dashboard/variable`.
 */
export function checkQueries(text: string, model: DashboardModel, checkExpression: CheckExpression, stats?: QueryStats, caches?: Caches): Finding[] {
  const findings: Finding[] = [];
  for (const target of targetsOf(text, model, findings)) {
    const prepared = prepareTarget(text, target.exprNode, target.kind, model, stats, caches);
    findings.push(...prepared.findings);
    if (!prepared.site) continue;
    if (prepared.language === 'logql') findings.push(...checkLogql(prepared.site));
    else findings.push(...checkExpression(prepared.site, 'dashboard'));
  }
  return findings;
}

/** The PromQL queries of a dashboard's targets with the document range of each (for editor features). */
export function promqlSitesOf(text: string, model: DashboardModel, caches?: Caches): { site: ExpressionSite; start: number; end: number }[] {
  const sites: { site: ExpressionSite; start: number; end: number }[] = [];
  for (const target of targetsOf(text, model, [])) {
    const prepared = prepareTarget(text, target.exprNode, target.kind, model, undefined, caches);
    if (prepared.site && prepared.language === 'promql') sites.push({ site: prepared.site, start: target.exprNode.offset, end: target.exprNode.offset + target.exprNode.length });
  }
  return sites;
}

/**
 * Every target with a query and the datasource kind it runs on. Datasource
 * problems found on the way (an undefined variable, a mixed panel's target
 * without a datasource) are added to `findings`.
 */
function* targetsOf(text: string, model: DashboardModel, findings: Finding[]): Generator<{ exprNode: JsonNode; kind: DatasourceKind }> {
  // Each datasource node is resolved once (a panel's, then each target's own), so each undefined variable is said once.
  const resolve = (node: JsonNode | undefined): ResolvedDatasource | undefined => {
    const resolved = resolveDatasource(node, model);
    const missing = resolved?.undefinedVariable;
    if (missing) findings.push(undefinedVariable(text, missing.node, missing.name, model));
    return resolved;
  };
  // A panel or target that is no object has no properties: prop gives undefined.
  for (const { node: panel } of model.panels) {
    const panelDatasource = resolve(prop(panel, 'datasource'));
    for (const target of itemsOf(prop(panel, 'targets'))) {
      let own = resolve(prop(target, 'datasource'));
      if (own?.kind === 'mixed') own = undefined;
      const exprNode = prop(target, 'expr');
      if (exprNode?.type !== 'string' || typeof exprNode.value !== 'string' || exprNode.value.trim() === '') continue;
      if (!own && panelDatasource?.kind === 'mixed') {
        const key = keyNode(target, 'expr') ?? exprNode;
        findings.push({
          start: key.offset,
          end: key.offset + key.length,
          code: 'dashboard/structure',
          severity: 'warning',
          message: say('mixedNoDatasource'),
        });
      }
      // A Mixed panel's target without its own datasource: 'mixed', which prepareTarget reads as PromQL, like the default.
      yield { exprNode, kind: (own ?? panelDatasource)?.kind ?? DEFAULT_DATASOURCE };
    }
  }
}

/**
 * A target's query ready to check: undefined variables reported, the others
 * replaced by stand-ins (the reading that parses, when several are possible),
 * and the language it is in.
 */
function prepareTarget(
  text: string,
  exprNode: JsonNode,
  kind: DatasourceKind,
  model: DashboardModel,
  stats?: QueryStats,
  caches?: Caches,
): { findings: Finding[]; site?: ExpressionSite; language: 'promql' | 'logql' } {
  // 'mixed' (a Mixed panel's target without a datasource of its own) runs on the default: PromQL below.
  if (kind === 'other') {
    if (stats) stats.skipped++;
    return { findings: [], language: 'promql' };
  }
  const source = stringOffsets(text, exprNode);
  const references = findVariableReferences(source.value);
  const findings: Finding[] = [];
  for (const ref of references) {
    if (isBuiltin(ref.name) || model.variables.has(ref.name)) continue;
    const [start, end] = source.toDocumentRange(ref.from, ref.to);
    findings.push(undefinedVariableAt(start, end, ref, source, model));
  }
  const typeOf = (name: string): string | undefined => model.variables.get(name)?.type;
  const currentOf = (name: string): string | undefined => model.variables.get(name)?.current;
  const readings = [substitute(source.value, references, typeOf, 'number', currentOf)];
  if (hasAmbiguousReference(source.value, references, typeOf)) {
    readings.push(substitute(source.value, references, typeOf, 'identifier', currentOf), substitute(source.value, references, typeOf, 'current', currentOf));
  }

  let language: 'promql' | 'logql' = kind === 'loki' ? 'logql' : 'promql';
  if (kind === 'unknown') {
    const promqlFits = readings.some((reading) => !checkPromql(reading.value, caches).some((p) => p.code === 'promql/syntax'));
    language = !promqlFits && readings.some((reading) => looksLikeLogql(reading.value)) ? 'logql' : 'promql';
  }
  if (stats) stats[language]++;
  const fits = (reading: SubstitutedQuery): boolean =>
    language === 'promql' ? !checkPromql(reading.value, caches).some((p) => p.severity === 'error') : !checkLogqlQuery(reading.value).some((p) => p.code === 'logql/syntax');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; with one reading, find(fits) ?? readings[0] is readings[0] too
  const reading = readings.length > 1 ? (readings.find(fits) ?? readings[0]) : readings[0];
  // Stryker disable next-line ConditionalExpression,ObjectLiteral: there is always the first reading
  if (!reading) return { findings, language };
  const site: ExpressionSite = {
    value: reading.value,
    toDocumentRange: (from, to) => {
      const [a, b] = reading.toOriginal(from, to);
      return source.toDocumentRange(a, b);
    },
    isSubstituted: (from, to) => reading.isSubstituted(from, to),
  };
  return { findings, site, language };
}

function definedNames(model: DashboardModel): string {
  return say('definedNames', { names: [...model.variables.keys()] });
}

function undefinedVariableAt(start: number, end: number, ref: VariableReference, source: StringOffsets, model: DashboardModel): Finding {
  const suggestion = closestMatch(ref.name, model.variables.keys());
  const finding: Finding = {
    start,
    end,
    code: 'dashboard/variable',
    severity: 'error',
    message: say('undefinedVariable', { name: ref.name, defined: definedNames(model), ...(suggestion ? { suggestion } : {}) }),
  };
  if (suggestion) {
    const nameAt = source.value.indexOf(ref.name, ref.from);
    const [a, b] = source.toDocumentRange(nameAt, nameAt + ref.name.length);
    finding.fixes = [{ title: say('fixChangeQuoted', { to: `$${suggestion}` }), preferred: true, edits: [{ start: a, end: b, newText: suggestion }] }];
  }
  return finding;
}

function undefinedVariable(text: string, node: JsonNode, name: string, model: DashboardModel): Finding {
  const source = stringOffsets(text, node);
  const [ref] = findVariableReferences(source.value);
  // Stryker disable next-line LogicalOperator,ObjectLiteral: resolveDatasource found the variable by the same findVariableReferences on the same string
  const at = ref ?? { name, from: 0, to: source.value.length };
  const [start, end] = source.toDocumentRange(at.from, at.to);
  const finding = undefinedVariableAt(start, end, at, source, model);
  finding.message = say('undefinedDatasourceVariable', { name, defined: definedNames(model) });
  return finding;
}

export const dashboardQueryCodes: ReaderCodes = {
  meta: {
    name: 'dashboards/queries',
    on: 'reader',
    fileKinds: ['dashboard'],
    description: "a `$var`, `${var}`, `${var:format}` or `[[var]]` in a query, or a datasource variable, that the dashboard's templating (or `__inputs`) does not define; did-you-mean fix",
    codes: [
      {
        code: 'dashboard/variable',
        severity: 'error',
        short: 'template variable not defined',
        help: "A query or datasource uses a variable the dashboard's templating (or __inputs) does not define.",
        ja: { short: '定義されていないテンプレート変数', help: 'クエリまたはデータソースが、ダッシュボードの templating（または __inputs）に定義されていない変数を使っています。' },
      },
    ],
  },
};
