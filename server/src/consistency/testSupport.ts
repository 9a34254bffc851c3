/** Test support for consistency/stack: a prometheus.yaml of a few jobs, a config file, and the findings of one against the other. */
import { diagnose, render } from '../catalog/testSupport';

export const CODES = ['consistency/metrics', 'consistency/trace-endpoint'];
export const PROMETHEUS = 'infra/docker/prometheus/prometheus.yaml';
/** Two jobs label auth-server (the first at /prom); named-server is scraped by a job of its name. */
export const JOBS = [
  'scrape_configs:',
  '  - job_name: auth-job',
  '    metrics_path: /prom',
  '    static_configs:',
  '      - targets: ["a:1"]',
  '        labels:',
  '          service: auth-server',
  '  - job_name: auth-job-2',
  '    static_configs:',
  '      - targets: ["a:2"]',
  '        labels:',
  '          service: auth-server',
  '  - job_name: named-server',
  '    static_configs:',
  '      - targets: ["n:1"]',
  '',
].join('\n');

/** A config file: trace.endpoint on line 6 (value from character 14), metrics.enabled on line 8 (13), metrics.path on line 9 (10). */
export function config({ name = 'auth-server', endpoint = '"jaeger:4317"', enabled = 'true', path = '"/metrics"' } = {}): string {
  return `app:\n  name: ${name}\n  tier: system\nobservability:\n  trace:\n    enabled: true\n    endpoint: ${endpoint}\n  metrics:\n    enabled: ${enabled}\n    path: ${path}\n`;
}

/** The rendered findings of `codes` on the config file `file` (without the "Disable …" fixes), `jobs` as prometheus.yaml. */
export function stack(
  text: string,
  { file = 'config/config.yaml', files = {}, jobs = JOBS, codes = CODES }: { file?: string; files?: Record<string, string>; jobs?: string; codes?: string[] } = {},
): string[] {
  return render(diagnose(file, { [PROMETHEUS]: jobs, ...files, [file]: text }), codes).filter((l) => !l.includes('fix Disable '));
}
