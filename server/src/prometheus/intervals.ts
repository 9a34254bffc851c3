/**
 * prometheus/config, timeouts: a scrape_timeout longer than the interval it
 * applies to, as Prometheus 2.42 decides it when it loads the file — the
 * global timeout against the global interval (1m when not written), a job's
 * timeout against the job's interval or the global one it inherits. A job
 * without a timeout of its own takes the global one cut to its interval, so
 * it is never reported. At the timeout, whose value is what to shorten.
 */
import type { Scalar } from 'yaml';
import type { Finding } from '../base/types';
import { durationMs } from '../base/yaml/shape';
import type { FileCheck } from '../workspace/fileKind';
import { finding, PROMETHEUS_CONFIG_CODE, say } from './messages';
import { jobsOf, scalarAt, valueOf, type PrometheusConfigModel } from './model';

const DEFAULT_INTERVAL = '1m';

function duration(node: Scalar | undefined): { text: string; ms: number } | undefined {
  if (!node) return undefined;
  const text = String(node.value);
  const ms = durationMs(text);
  return ms === undefined ? undefined : { text, ms };
}

export function checkIntervals(model: PrometheusConfigModel): Finding[] {
  if (!model.clean) return [];
  const findings: Finding[] = [];
  const global = valueOf(model.root, 'global');
  const globalIntervalNode = scalarAt(global, 'scrape_interval');
  const globalInterval = duration(globalIntervalNode) ?? (globalIntervalNode ? undefined : { text: DEFAULT_INTERVAL, ms: 60_000 });
  const globalTimeoutNode = scalarAt(global, 'scrape_timeout');
  const globalTimeout = duration(globalTimeoutNode);
  if (globalInterval && globalTimeout && globalTimeout.ms > globalInterval.ms) {
    findings.push(finding(globalTimeoutNode, say('globalTimeout', { timeout: globalTimeout.text, interval: globalInterval.text, inherited: globalIntervalNode === undefined })));
  }
  for (const job of jobsOf(model)) {
    const timeoutNode = scalarAt(job.node, 'scrape_timeout');
    const timeout = duration(timeoutNode);
    if (!timeout) continue;
    const intervalNode = scalarAt(job.node, 'scrape_interval');
    const interval = intervalNode ? duration(intervalNode) : globalInterval;
    if (!interval || timeout.ms <= interval.ms) continue;
    findings.push(finding(timeoutNode, say('jobTimeout', { job: job.name ?? '', timeout: timeout.text, interval: interval.text, inherited: intervalNode === undefined })));
  }
  return findings;
}

export const prometheusIntervalsCheck: FileCheck<PrometheusConfigModel> = {
  meta: {
    name: 'prometheus/intervals',
    on: 'file',
    fileKinds: ['prometheus'],
    description: 'prometheus.yaml: a scrape_timeout longer than its scrape_interval, global or per job (inherited values included)',
    codes: [PROMETHEUS_CONFIG_CODE],
  },
  run: checkIntervals,
};
