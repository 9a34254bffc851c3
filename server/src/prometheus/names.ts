/**
 * prometheus/config, names: a scrape job without a job_name or with one an
 * earlier job has (Prometheus keys its targets by job), and remote_write /
 * remote_read entries with the same name or without a url.
 */
import { isMap } from 'yaml';
import { closestMatch } from '../base/suggest';
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { SCRAPE_CONFIG } from './configShape';
import { finding, PROMETHEUS_CONFIG_CODE, say } from './messages';
import { itemsOf, jobsOf, pairOf, textOf, valueOf, type PrometheusConfigModel } from './model';

export function checkNames(model: PrometheusConfigModel): Finding[] {
  if (!model.clean) return [];
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  for (const job of jobsOf(model)) {
    const where = `scrape_configs[${job.index}]`;
    // A misspelt job_name is the shape's unknown key, with its fix: not said twice.
    const misspelt =
      !job.namePair &&
      job.node.items.some((pair) => {
        const key = textOf(pair.key);
        return key !== undefined && !(key in SCRAPE_CONFIG.fields) && closestMatch(key, ['job_name']) === 'job_name';
      });
    if (!job.name && !misspelt) {
      // At the empty value, else at the job's first key.
      const at = job.namePair ? (job.namePair.value ?? job.namePair.key) : (job.node.items[0]?.key ?? job.node);
      findings.push(finding(at as never, say('jobNameEmpty', { where })));
      continue;
    }
    if (!job.name) continue;
    const first = seen.get(job.name);
    // Stryker disable next-line OptionalChaining: a job with a name has its name pair
    if (first !== undefined) findings.push(finding(job.namePair?.value, say('jobNameDuplicate', { job: job.name, first })));
    else seen.set(job.name, job.index);
  }
  for (const [key, kind] of [
    ['remote_write', 'remote write'],
    ['remote_read', 'remote read'],
  ] as const) {
    const names = new Set<string>();
    for (const entry of itemsOf(valueOf(model.root, key))) {
      if (!isMap(entry)) continue;
      const url = pairOf(entry, 'url');
      if (!textOf(url?.value)) findings.push(finding((url?.value ?? url?.key ?? entry.items[0]?.key) as never, say('remoteUrlEmpty', { kind: key })));
      const namePair = pairOf(entry, 'name');
      const name = textOf(namePair?.value);
      if (!name) continue;
      // Stryker disable next-line OptionalChaining: an entry with a name has its name pair
      if (names.has(name)) findings.push(finding(namePair?.value, say('remoteNameDuplicate', { kind, name })));
      names.add(name);
    }
  }
  return findings;
}

export const prometheusNamesCheck: FileCheck<PrometheusConfigModel> = {
  meta: {
    name: 'prometheus/names',
    on: 'file',
    fileKinds: ['prometheus'],
    description: 'prometheus.yaml: an empty or duplicate job_name; remote_write / remote_read names used twice or without a url',
    codes: [PROMETHEUS_CONFIG_CODE],
  },
  run: checkNames,
};
