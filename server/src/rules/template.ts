import type { Finding, Fix } from '../base/types';
import { checkTemplate, GO_BUILTIN_FUNCTIONS, type TemplateProblem } from './goTemplate/parse';
import type { EntrySite, RuleModel } from './model';
import { FindingSink } from './sites';
import { closestMatch } from '../base/suggest';
import type { ReaderCodes } from '../base/check';
import { getLocale } from '../l10n';
import { cacheSlot, type Caches } from '../base/caches';
import { say } from './messages';

/**
 * rules/template: alert labels and annotations are Go text/templates that
 * Prometheus parses when it loads the rule (rulefmt.go testTemplateParsing,
 * with the functions of template/template.go and the variables it defines
 * first: `{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}
 * {{$externalURL := .ExternalURL}}{{$value := .Value}}`). Recording rules'
 * labels are not templates, so only alerting rules are checked.
 * https://github.com/prometheus/prometheus/blob/v2.42.0/template/template.go
 */
export const TEMPLATE_CODE = 'rules/template';

/** Functions Prometheus adds to Go's builtins (the release that added the newer ones in a comment). */
export const PROMETHEUS_TEMPLATE_FUNCTIONS: readonly { name: string }[] = [
  { name: 'query' },
  { name: 'first' },
  { name: 'label' },
  { name: 'value' },
  { name: 'strvalue' },
  { name: 'args' },
  { name: 'reReplaceAll' },
  { name: 'safeHtml' },
  { name: 'match' },
  { name: 'title' },
  { name: 'toUpper' },
  { name: 'toLower' },
  { name: 'graphLink' },
  { name: 'tableLink' },
  { name: 'sortByLabel' },
  { name: 'humanize' },
  { name: 'humanize1024' },
  { name: 'humanizeDuration' },
  { name: 'humanizePercentage' },
  { name: 'humanizeTimestamp' },
  { name: 'toTime' },
  { name: 'pathPrefix' },
  { name: 'externalURL' },
  { name: 'parseDuration' },
  { name: 'stripPort' },
  { name: 'stripDomain' },
  // Not in Prometheus 2.42 (promtool 2.42 reports them as not defined); accepted for newer servers.
  { name: 'toDuration' }, // since 2.45
  { name: 'now' }, // since 2.46
  { name: 'urlQueryEscape' }, // since 3.x
];

/** The variables Prometheus defines before an alert template. */
export const ALERT_TEMPLATE_VARIABLES: readonly string[] = ['$labels', '$externalLabels', '$externalURL', '$value'];

const FUNCTIONS = new Set(PROMETHEUS_TEMPLATE_FUNCTIONS.map((f) => f.name));
const ALL_FUNCTIONS = [...GO_BUILTIN_FUNCTIONS, ...FUNCTIONS];

function fixFor(range: [number, number], suggestion: string | undefined): Fix[] | undefined {
  if (!suggestion) return undefined;
  return [{ title: say('fixChange', { to: suggestion }), edits: [{ start: range[0], end: range[1], newText: suggestion }], preferred: true }];
}

function checkEntry(entry: EntrySite, what: 'label' | 'annotation', sink: FindingSink, caches: Caches | undefined): void {
  const { value } = entry;
  if (!value.value.includes('{{')) return;
  const problems = templateProblems(value.value, caches);
  for (const problem of problems) {
    // Stryker disable next-line MethodExpression,ArithmeticOperator: goTemplate/parse.ts makes every problem a character wide or more, but one at the end of the text, where toDocumentRange ends a range past the value at its end anyway (templateEntries.test.ts)
    const range = value.toDocumentRange(problem.start, Math.max(problem.end, problem.start + 1));
    const about = { what, key: entry.key, problem: problem.message };
    if (problem.kind === 'unknown-function' && problem.name) {
      const suggestion = closestMatch(problem.name, ALL_FUNCTIONS);
      sink.add(range, say('templateUnknownFunction', { ...about, name: problem.name, ...(suggestion ? { suggestion } : {}) }), 'error', fixFor(range, suggestion));
    } else if (problem.kind === 'undefined-variable' && problem.name) {
      const suggestion = closestMatch(problem.name, ALERT_TEMPLATE_VARIABLES);
      sink.add(range, say('templateUndefinedVariable', { ...about, name: problem.name, defined: ALERT_TEMPLATE_VARIABLES, ...(suggestion ? { suggestion } : {}) }), 'error', fixFor(range, suggestion));
    } else {
      sink.add(range, say('templateSyntax', about));
    }
  }
}

/** Problems of a template text, remembered in a service's caches (in the language they were said in): alert annotations repeat across rules and files. */
export const TEMPLATES = cacheSlot('rules/templates', () => new Map<string, TemplateProblem[]>(), getLocale);
export const REMEMBER_TEMPLATES_AT_MOST = 10_000;

function templateProblems(template: string, caches: Caches | undefined): TemplateProblem[] {
  const remembered = caches?.get(TEMPLATES);
  const known = remembered?.get(template);
  if (known) return known;
  const { problems } = checkTemplate(template, { functions: FUNCTIONS, variables: ALERT_TEMPLATE_VARIABLES });
  if (remembered) {
    if (remembered.size >= REMEMBER_TEMPLATES_AT_MOST) remembered.clear();
    remembered.set(template, problems);
  }
  return problems;
}

/** Template problems in every alerting rule's labels and annotations. */
export function checkTemplates(rules: readonly RuleModel[], caches?: Caches): Finding[] {
  const sink = new FindingSink(TEMPLATE_CODE);
  for (const rule of rules) {
    if (rule.kind !== 'alert') continue;
    for (const label of rule.labels) checkEntry(label, 'label', sink, caches);
    for (const annotation of rule.annotations) checkEntry(annotation, 'annotation', sink, caches);
  }
  return sink.findings;
}

export const ruleTemplateCodes: ReaderCodes = {
  meta: {
    name: 'rules/template',
    on: 'reader',
    fileKinds: ['rules'],
    description: 'Go templates in alert labels and annotations: syntax, functions Prometheus provides (`humanizePct` → `humanizePercentage`), variables',
    codes: [
      {
        code: 'rules/template',
        severity: 'error',
        short: 'Go template that Prometheus would reject',
        help: 'A template in a label or annotation does not parse or uses a function Prometheus templates do not define.',
        ja: { short: 'Prometheus が拒否する Go テンプレート', help: 'ラベルまたはアノテーションのテンプレートが解析できないか、Prometheus のテンプレートにない関数を使っています。' },
      },
    ],
  },
};
