/** What the otelcol/ tests share: the design's collector file, a minimal valid one, and findings as rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../base/settings';
import type { Diagnostic, Finding, Severity } from '../base/types';
import { parseYaml } from '../base/yaml/parse';
import { LanguageService } from '../service/languageService';
import { lines, rangeOf, spanOf } from '../../../test/support/text';
import { checkCollectorConfig } from './config';
import type { OtlpEndpointFact, TraceConfigFact, WorkspaceIndex } from '../workspace/index';
import { readCollector, type CollectorFile } from './model';
import { checkPipelines } from './pipeline';
import { checkCollectorPolicy } from './policy';

export const DESIGN = readFileSync(join(__dirname, 'fixtures/design-collector.yaml'), 'utf8');

export function validate(text: string, { path = '/w/k8s/otel-collector-config.yaml', settings = DEFAULT_SETTINGS, service = new LanguageService() } = {}): Diagnostic[] {
  return service.validate({ file: { uri: `file://${path}`, text }, settings, location: { path } });
}

/** code, severity, the range of `needle` (its `occurrence`), message. */
export type Row = [code: string, severity: string, needle: string, message: string, occurrence?: number];

export function expect(text: string, rows: Row[]) {
  return rows.map(([code, severity, needle, message, occurrence]) => ({ code, severity, range: rangeOf(text, needle, occurrence ?? 0), message }));
}

export function got(diagnostics: Diagnostic[]) {
  return diagnostics.map(({ code, severity, range, message }) => ({ code, severity, range, message }));
}

/** A valid collector file around the part a test is about. */
export const MINIMAL = lines(
  'receivers:',
  '  otlp:',
  '    protocols:',
  '      grpc:',
  '        endpoint: 0.0.0.0:4317',
  'processors:',
  '  memory_limiter:',
  '    check_interval: 1s',
  '    limit_percentage: 80',
  '  tail_sampling:',
  '    policies:',
  '      - name: errors',
  '        type: status_code',
  '        status_code: { status_codes: [ERROR] }',
  '      - name: rest',
  '        type: probabilistic',
  '        probabilistic: { sampling_percentage: 10 }',
  '  batch:',
  'exporters:',
  '  otlp/jaeger:',
  '    endpoint: jaeger-collector:4317',
  '    tls: { insecure: true }',
  'service:',
  '  pipelines:',
  '    traces:',
  '      receivers: [otlp]',
  '      processors: [memory_limiter, tail_sampling, batch]',
  '      exporters: [otlp/jaeger]',
);

/** Settings that take every file for dev. */
export function dev(): Settings {
  return readSettings({ config: { environments: { '**/*.yaml': 'dev' } } }).settings;
}

/** A collector file as the checks read it. */
export function collectorFile(text: string): CollectorFile {
  const [document] = parseYaml(text).documents;
  if (!document) throw new Error('no YAML document');
  return readCollector(document, text);
}

/** otelcol/config's findings of a collector file as the check returns them: in its order, with offsets. */
export function configFindings(text: string): Finding[] {
  return checkCollectorConfig(collectorFile(text));
}

/** otelcol/pipeline's findings of a collector file as the check returns them. */
export function pipelineFindings(text: string): Finding[] {
  return checkPipelines(collectorFile(text));
}

/**
 * otelcol/policy's findings as the check returns them, the workspace giving these
 * config.yaml tracing facts and workloads' OTLP endpoints (a prod file unless `settings` say otherwise).
 */
export function policyFindings(
  text: string,
  { settings = DEFAULT_SETTINGS, traceConfigs = [], otlpEndpoints = [] }: { settings?: Settings; traceConfigs?: TraceConfigFact[]; otlpEndpoints?: OtlpEndpointFact[] } = {},
): Finding[] {
  const workspace = { traceConfigs: () => traceConfigs, otlpEndpoints: () => otlpEndpoints } as unknown as WorkspaceIndex;
  return checkCollectorPolicy(collectorFile(text), { location: { path: '/w/k8s/otel-collector-config.yaml' }, settings, workspace });
}

type FixOf = string | { title: string; newText: string };

/** A finding of `code` over the `occurrence`-th `needle`, with the fix that replaces it (a rename, or a titled edit). */
function findingOf(code: string, text: string, severity: Severity, needle: string, message: string, { occurrence = 0, fix }: { occurrence?: number; fix?: FixOf } = {}): Finding {
  const [start, end] = spanOf(text, needle, occurrence);
  const edit = typeof fix === 'string' ? { title: `Change to "${fix}"`, newText: fix } : fix;
  return {
    start,
    end,
    code,
    message,
    severity,
    ...(edit ? { fixes: [{ title: edit.title, preferred: true, edits: [{ start, end, newText: edit.newText }] }] } : {}),
  };
}

/** An otelcol/config finding over the `occurrence`-th `needle` (see findingOf). */
export function configFinding(text: string, severity: Severity, needle: string, message: string, options?: { occurrence?: number; fix?: FixOf }): Finding {
  return findingOf('otelcol/config', text, severity, needle, message, options);
}

/** An otelcol/pipeline finding over the `occurrence`-th `needle` (see findingOf). */
export function pipelineFinding(text: string, severity: Severity, needle: string, message: string, options?: { occurrence?: number; fix?: FixOf }): Finding {
  return findingOf('otelcol/pipeline', text, severity, needle, message, options);
}

/** An otelcol/policy warning over the `occurrence`-th `needle`, its fix replacing `fixNeedle` within it when given. */
export function policyWarning(text: string, needle: string, message: string, { occurrence = 0, fix, fixNeedle }: { occurrence?: number; fix?: string; fixNeedle?: string } = {}): Finding {
  const found = findingOf('otelcol/policy', text, 'warning', needle, message, { occurrence });
  if (fix === undefined) return found;
  const start = found.start + text.slice(found.start, found.end).lastIndexOf(fixNeedle ?? text.slice(found.start, found.end));
  const end = start + (fixNeedle ?? needle).length;
  return { ...found, fixes: [{ title: `Change to "${fix}"`, preferred: true, edits: [{ start, end, newText: fix }] }] };
}
