/**
 * promtail/config: a Promtail configuration as Promtail reads it and as the
 * design labels logs.
 *
 * - Structure (promtail/shape.ts): unknown keys and stage names with
 *   did-you-mean, types, enums, durations; a pipeline stage is a mapping with
 *   exactly one key.
 * - `clients[].url` is Loki's push API, `…/loki/api/v1/push` (fix).
 * - `job_name` unique; a `static_configs` entry without `labels.__path__`
 *   and a Kubernetes job whose relabelling sets no `__path__` tail no file.
 * - ログラベル設計: each job's streams should carry `service`, `tier`,
 *   `environment` and `level` (the catalog's log labels but the
 *   high-cardinality `trace_id`): labels from static targets, relabelling,
 *   the `labels` / `static_labels` stages and the clients' external labels.
 *   A job with a `labelmap` rule is not judged (its labels depend on the pods).
 * - Promtail's end of life (2 March 2026; Grafana Alloy replaces it): one
 *   information note per file.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { checkShape, shapeFindings } from '../base/yaml/shape';
import type { Finding } from '../base/types';
import { BUILTIN_CATALOG } from '../catalog/catalog';
import { messages } from '../l10n';
import type { FileCheck } from '../workspace/fileKind';
import { firstKeySpan, pairIn, scalarText, span, valueAt } from '../loki/read';
import type { PromtailFile } from './read';
import { PROMTAIL_SHAPE } from './shape';

export const PROMTAIL_CONFIG = 'promtail/config';
export const PUSH_PATH = '/loki/api/v1/push';

/** ログラベル設計, as the catalog has it: the labels every stream should carry (not the per-request trace_id). */
export const REQUIRED_LOG_LABELS: readonly string[] = BUILTIN_CATALOG.logLabels.map((label) => label.name).filter((name) => BUILTIN_CATALOG.labels[name]?.highCardinality !== true);

// Stryker disable next-line StringLiteral: the area's name only labels the l10n test's assertion that both languages have every message
const say = messages('promtail/config', {
  en: {
    oneStage: (p: { count: number }) => `A pipeline stage is a mapping with exactly one key, the stage's name; this one has ${p.count}. Start each stage with its own "- ".`,
    pushPath: (p: { url: string }) => `clients url "${p.url}" is not Loki's push API: Promtail posts to ${PUSH_PATH} (e.g. http://loki:3100${PUSH_PATH}).`,
    badUrl: (p: { url: string }) => `clients url "${p.url}" is not a URL: Promtail needs Loki's push API, e.g. http://loki:3100${PUSH_PATH}.`,
    usePush: () => `Use ${PUSH_PATH}`,
    duplicateJob: (p: { name: string }) => `job_name "${p.name}" is already used by another job of this file: each job needs its own name.`,
    noPath: () => 'This static_configs entry has no labels.__path__: Promtail tails no file for it. Add __path__ with the files to tail (e.g. /var/log/*.log).',
    noK8sPath: (p: { name: string }) =>
      `Job ${p.name} discovers Kubernetes targets, but no relabel rule sets __path__: Promtail tails no file. Add a rule with target_label: __path__ (e.g. source_labels [__meta_kubernetes_pod_uid, __meta_kubernetes_pod_container_name], separator /, replacement /var/log/pods/*$1/*.log).`,
    labels: (p: { name: string; missing: readonly string[]; required: readonly string[] }) =>
      `Job ${p.name} gives its streams no ${p.missing.join(', ')} label${p.missing.length > 1 ? 's' : ''}: the design's log labels (ログラベル設計) are ${p.required.join(', ')} on every stream (and trace_id in the line).`,
    endOfLife: () => 'Promtail reached its end of life on 2 March 2026: no more releases or security fixes. Grafana Alloy replaces it (`alloy convert --source-format=promtail` converts this file).',
  },
  ja: {
    oneStage: (p: { count: number }) => `パイプラインのステージはキーが 1 つ（ステージ名）だけのマッピングですが、このステージには ${p.count} 個あります。ステージごとに "- " で始めてください。`,
    pushPath: (p: { url: string }) => `clients の url "${p.url}" は Loki のプッシュ API ではありません。Promtail は ${PUSH_PATH} に送信します（例: http://loki:3100${PUSH_PATH}）。`,
    badUrl: (p: { url: string }) => `clients の url "${p.url}" は URL ではありません。Loki のプッシュ API を指定してください（例: http://loki:3100${PUSH_PATH}）。`,
    usePush: () => `${PUSH_PATH} を使う`,
    duplicateJob: (p: { name: string }) => `job_name "${p.name}" はこのファイルの別のジョブで使われています。ジョブごとに異なる名前が必要です。`,
    noPath: () => 'この static_configs には labels.__path__ がないため、Promtail はファイルを読みません。読むファイルを __path__ に指定してください（例: /var/log/*.log）。',
    noK8sPath: (p: { name: string }) =>
      `ジョブ ${p.name} は Kubernetes のターゲットを検出しますが、__path__ を設定する relabel ルールがないため、Promtail はファイルを読みません。target_label: __path__ のルールを追加してください（例: source_labels [__meta_kubernetes_pod_uid, __meta_kubernetes_pod_container_name]、separator /、replacement /var/log/pods/*$1/*.log）。`,
    labels: (p: { name: string; missing: readonly string[]; required: readonly string[] }) =>
      `ジョブ ${p.name} のストリームには ${p.missing.join(', ')} ラベルがありません。設計のログラベル（ログラベル設計）では、すべてのストリームに ${p.required.join(', ')} を付けます（trace_id はログ行に含めます）。`,
    endOfLife: () =>
      'Promtail は 2026 年 3 月 2 日にサポート終了（EOL）となり、リリースもセキュリティ修正もありません。後継は Grafana Alloy です（`alloy convert --source-format=promtail` でこのファイルを変換できます）。',
  },
});

export function checkPromtailConfig(file: PromtailFile, text: string): Finding[] {
  const root = file.document.contents;
  // With -config.expand-env, `${VAR}` is replaced before Promtail reads the file: such a value is not judged.
  const findings = shapeFindings(
    checkShape(root, PROMTAIL_SHAPE).filter((issue) => !text.slice(issue.start, issue.end).includes('${')),
    PROMTAIL_CONFIG,
  );
  const at = (node: Node | null | undefined, message: string, severity: Finding['severity'] = 'error'): Finding => {
    const [start, end] = span(node);
    return { start, end, code: PROMTAIL_CONFIG, severity, message };
  };
  // `clients` and the older single `client`; one that is not a mapping has no pairs (pairIn finds nothing in it).
  const clients: unknown[] = [...listItems(valueAt(root, ['clients'])), valueAt(root, ['client'])];
  for (const client of clients) {
    const urlNode = pairIn(client, 'url')?.value;
    const url = scalarText(urlNode);
    if (url === undefined || /\$\{/.test(url)) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      findings.push(at(urlNode, say('badUrl', { url })));
      continue;
    }
    // Loki's router answers the exact path: a trailing slash is a 404 too.
    if (parsed.pathname.endsWith(PUSH_PATH)) continue;
    const finding = at(urlNode, say('pushPath', { url }));
    const [start, end] = span(urlNode);
    const source = text.slice(start, end);
    // The path starts after the host (looked for after the scheme's "//": a host can be part of "https") and ends at the query, the fragment or a closing quote.
    const hostAt = parsed.host ? source.indexOf(parsed.host, source.indexOf('//')) : -1;
    if (hostAt !== -1) {
      const pathAt = hostAt + parsed.host.length;
      const pathEnd = pathAt + source.slice(pathAt).search(/[?#"']|$/);
      finding.fixes = [{ title: say('usePush'), preferred: true, edits: [{ start: start + pathAt, end: start + pathEnd, newText: PUSH_PATH }] }];
    }
    findings.push(finding);
  }
  const jobs = new Set<string>();
  const externalLabels = new Set(clients.flatMap((client) => keysOf(pairIn(client, 'external_labels')?.value)));
  for (const job of listItems(valueAt(root, ['scrape_configs']))) {
    const nameNode = pairIn(job, 'job_name')?.value;
    const name = scalarText(nameNode);
    if (name !== undefined) {
      if (jobs.has(name)) findings.push(at(nameNode, say('duplicateJob', { name })));
      else jobs.add(name);
    }
    findings.push(...checkStages(pairIn(job, 'pipeline_stages')?.value, at));
    for (const target of listItems(pairIn(job, 'static_configs')?.value)) {
      const labels = pairIn(target, 'labels');
      if (!keysOf(labels?.value).includes('__path__')) findings.push(at(labels?.key ?? pairIn(target, 'targets')?.key ?? target, say('noPath'), 'warning'));
    }
    const relabels = listItems(pairIn(job, 'relabel_configs')?.value);
    const kubernetes = listItems(pairIn(job, 'kubernetes_sd_configs')?.value);
    const targetsOf = (rule: YAMLMap) => scalarText(pairIn(rule, 'target_label')?.value);
    if (kubernetes.length > 0 && !relabels.some((rule) => targetsOf(rule) === '__path__' && (scalarText(pairIn(rule, 'action')?.value) ?? 'replace') === 'replace')) {
      findings.push(at(nameNode ?? pairIn(job, 'kubernetes_sd_configs')?.key, say('noK8sPath', { name: name ?? '' }), 'warning'));
    }
    const produced = labelsOf(job, externalLabels);
    if (produced === undefined || name === undefined) continue;
    const missing = REQUIRED_LOG_LABELS.filter((label) => !produced.has(label));
    if (missing.length > 0) findings.push(at(nameNode, say('labels', { name, missing, required: REQUIRED_LOG_LABELS }), 'warning'));
  }
  const [start, end] = firstKeySpan(file.document);
  findings.push({ start, end, code: PROMTAIL_CONFIG, severity: 'information', message: say('endOfLife') });
  return findings;
}

function listItems(node: unknown): YAMLMap[] {
  return isSeq(node) ? node.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

function keysOf(node: unknown): string[] {
  return isMap(node) ? node.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : [])) : [];
}

function checkStages(node: unknown, at: (node: Node | null | undefined, message: string) => Finding): Finding[] {
  const findings: Finding[] = [];
  if (!isSeq(node)) return findings;
  for (const stage of node.items) {
    if (!isMap(stage)) continue;
    if (stage.items.length !== 1) findings.push(at((stage.items[1]?.key as Node | undefined) ?? stage, say('oneStage', { count: stage.items.length })));
    findings.push(...checkStages(valueAt(pairIn(stage, 'match')?.value, ['stages']), at));
  }
  return findings;
}

/**
 * The labels a job's streams carry, or undefined when they cannot be known
 * (a `labelmap` rule copies the pods' own labels).
 */
export function labelsOf(job: YAMLMap, externalLabels: ReadonlySet<string>): Set<string> | undefined {
  const labels = new Set<string>();
  for (const target of listItems(pairIn(job, 'static_configs')?.value)) for (const key of keysOf(pairIn(target, 'labels')?.value)) labels.add(key);
  for (const kind of ['journal', 'syslog', 'gcplog', 'windows_events', 'loki_push_api', 'kafka', 'gelf', 'cloudflare', 'heroku_drain', 'azure_event_hubs']) {
    for (const key of keysOf(valueAt(pairIn(job, kind)?.value, ['labels']))) labels.add(key);
  }
  for (const rule of listItems(pairIn(job, 'relabel_configs')?.value)) {
    const action = scalarText(pairIn(rule, 'action')?.value) ?? 'replace';
    if (action === 'labelmap') return undefined;
    const target = scalarText(pairIn(rule, 'target_label')?.value);
    if (target !== undefined && ['replace', 'hashmod', 'lowercase', 'uppercase'].includes(action)) labels.add(target);
    if (action === 'labeldrop' || action === 'labelkeep') {
      // Without a regex, Prometheus's default `(.*)` matches every label: labeldrop drops them all, labelkeep keeps them all.
      const regex = scalarText(pairIn(rule, 'regex')?.value) ?? '(.*)';
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${regex})$`);
      } catch {
        continue;
      }
      for (const label of [...labels]) if (re.test(label) === (action === 'labeldrop')) labels.delete(label);
    }
  }
  addStageLabels(pairIn(job, 'pipeline_stages')?.value, labels);
  // The clients add their external labels to each entry they send, after relabelling and the pipeline: nothing of the job takes them away.
  return new Set([...labels, ...externalLabels].filter((label) => !label.startsWith('__')));
}

function addStageLabels(node: unknown, labels: Set<string>): void {
  for (const stage of listItems(node)) {
    for (const key of ['labels', 'static_labels']) for (const label of keysOf(pairIn(stage, key)?.value)) labels.add(label);
    const drop = pairIn(stage, 'labeldrop')?.value;
    if (isSeq(drop)) for (const item of drop.items) labels.delete(scalarText(item) ?? '');
    const packed = valueAt(pairIn(stage, 'pack')?.value, ['labels']);
    if (isSeq(packed)) for (const item of packed.items) labels.delete(scalarText(item) ?? '');
    const allow = pairIn(stage, 'labelallow')?.value;
    if (isSeq(allow)) {
      const keep = new Set(allow.items.map((item) => scalarText(item)));
      for (const label of [...labels]) if (!keep.has(label)) labels.delete(label);
    }
    // A match stage's labels apply to some streams only: counted, as the design asks for them where they can be.
    addStageLabels(valueAt(pairIn(stage, 'match')?.value, ['stages']), labels);
  }
}

export const promtailConfigCheck: FileCheck<PromtailFile> = {
  meta: {
    name: 'promtail/config',
    on: 'file',
    fileKinds: ['promtail'],
    description:
      "Promtail configuration: unknown keys and stage names (did-you-mean fix), types, enums and durations of `server`, `positions`, `clients`, `scrape_configs`, `relabel_configs`, `pipeline_stages`; a stage with more than one key; a client URL that is not Loki's `/loki/api/v1/push` (fix); duplicate `job_name`; targets with no `__path__` (warning); jobs whose streams lack the design's `service`, `tier`, `environment`, `level` labels (warning); Promtail's end of life (information)",
    codes: [
      {
        code: PROMTAIL_CONFIG,
        severity: 'error',
        short: 'Promtail configuration Promtail rejects or the design does not label',
        help: "A key, stage, type or value Promtail does not read, a client URL that is not Loki's push API, a duplicate job. Warnings: a target with no file to tail, a job whose streams miss the design's log labels (service, tier, environment, level). Information: Promtail's end of life (2 March 2026; Grafana Alloy replaces it).",
        ja: {
          short: 'Promtail が受け付けない、または設計どおりにラベル付けしない設定',
          help: 'Promtail が読まないキー・ステージ・型・値、Loki のプッシュ API でないクライアント URL、重複するジョブ名。警告: 読むファイルのないターゲット、設計のログラベル（service, tier, environment, level）のないジョブ。情報: Promtail のサポート終了（2026 年 3 月 2 日、後継は Grafana Alloy）。',
        },
      },
    ],
  },
  run: (file, { text }) => checkPromtailConfig(file, text),
};
