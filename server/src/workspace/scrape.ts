/**
 * Scrape jobs of a Prometheus configuration (prometheus.yaml): job names,
 * their intervals and the static labels their `static_configs` give every
 * target (service, tier, lang in the design). What the catalog knows of
 * jobs, services, tiers and languages of the workspace comes from here.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parseSeconds } from '../catalog/catalog';
import type { ScrapeFacts, ScrapeJob } from './index';

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

export function scrapeFacts(uri: string, document: Document.Parsed): ScrapeFacts {
  const global = get(document.contents, 'global');
  const globalInterval = scalarText(get(global, 'scrape_interval'));
  const external = get(global, 'external_labels');
  const facts: ScrapeFacts = {
    jobs: [],
    externalLabels: isMap(external) ? external.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])) : [],
  };
  const globalSeconds = globalInterval !== undefined ? parseSeconds(globalInterval) : undefined;
  if (globalSeconds !== undefined) facts.globalIntervalSeconds = globalSeconds;
  const ruleFiles = get(document.contents, 'rule_files');
  if (isSeq(ruleFiles)) {
    facts.ruleFiles = ruleFiles.items.flatMap((item) => {
      const pattern = scalarText(item);
      const range = (item as Node | undefined)?.range;
      return pattern !== undefined && pattern !== '' && range ? [{ pattern, start: range[0], end: range[1] }] : [];
    });
  }
  const configs = get(document.contents, 'scrape_configs');
  if (!isSeq(configs)) return facts;
  for (const config of configs.items) {
    const nameNode = get(config, 'job_name') as Node | undefined;
    const name = scalarText(nameNode);
    if (name === undefined) continue;
    const [start, end] = nameNode?.range ?? [0, 0];
    const job: ScrapeJob = { name, uri, start, end, labels: {} };
    const interval = scalarText(get(config, 'scrape_interval'));
    const seconds = interval !== undefined ? parseSeconds(interval) : undefined;
    if (seconds !== undefined) job.intervalSeconds = seconds;
    const metricsPath = scalarText(get(config, 'metrics_path'));
    if (metricsPath !== undefined) job.metricsPath = metricsPath;
    const statics = get(config, 'static_configs');
    for (const target of isSeq(statics) ? statics.items : []) {
      const hosts = get(target, 'targets');
      for (const host of isSeq(hosts) ? hosts.items : []) {
        const text = scalarText(host);
        if (text !== undefined) (job.targets ??= []).push(text);
      }
      const labels = get(target, 'labels');
      if (!isMap(labels)) continue;
      for (const pair of labels.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const value = scalarText(pair.value);
        if (key === undefined || value === undefined) continue;
        const list = (job.labels[key] ??= []);
        if (!list.includes(value)) list.push(value);
      }
    }
    facts.jobs.push(job);
  }
  return facts;
}
