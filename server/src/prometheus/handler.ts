/**
 * prometheus.yaml (`prometheus/config`), found by content (a top-level
 * mapping of Prometheus's keys: `scrape_configs`, `global`, `rule_files`,
 * `alerting`, `remote_write`; see model.ts) and by the
 * `k1s0.files.prometheusConfig` globs. Read once (model.ts): its scrape jobs
 * and rule_files are facts for the other files' checks, and the registry's
 * prometheus checks run on the same reading.
 */
import { isMap } from 'yaml';
import { isYamlPath, matchesAny } from '../base/files';
import type { Finding, OutlineSymbol } from '../base/types';
import type { DocumentView, FileKindHandler, KindContext } from '../workspace/fileKind';
import { scrapeFacts } from '../workspace/scrape';
import { PROMETHEUS_CONFIG_SHAPE } from './configShape';
import { PROMETHEUS_CONFIG } from './messages';
import { jobsOf, mayBePrometheusConfig, prometheusConfigDocument, readPrometheusConfig, spanOf, type PrometheusConfigModel } from './model';

const READING = 'prometheus';

function reading(doc: DocumentView): PrometheusConfigModel {
  return doc.memo(READING, () => readPrometheusConfig(doc.yaml()));
}

const named = ({ settings, location, workspace }: KindContext): boolean => matchesAny(settings.files.prometheusConfig, location.path, location.relativePath, workspace.caches);

export const prometheusConfigHandler: FileKindHandler = {
  kind: 'prometheus',
  claims: (doc, context) => isYamlPath(context.location.path) && (named(context) || (mayBePrometheusConfig(doc.text) && prometheusConfigDocument(doc.outline().documents) !== undefined)),
  facts(doc) {
    const { document, clean } = reading(doc);
    return clean && document ? { recordingRules: [], scrape: scrapeFacts(doc.uri, document) } : { recordingRules: [] };
  },
  findings(doc, { checks }) {
    const model = reading(doc);
    const findings: Finding[] = [...doc.yaml().syntax, ...checks.file('prometheus', model)];
    return withoutEchoes(findings);
  },
  shape: PROMETHEUS_CONFIG_SHAPE,
  symbols: (doc) => symbolsOf(reading(doc)),
  suppressible: () => true,
};

/**
 * A rule_files entry that does not exist is prometheus/config's error; that
 * it matches no rule file of the workspace (consistency/rule-files) says the
 * same again at the same place, and is left out.
 */
function withoutEchoes(findings: Finding[]): Finding[] {
  const errors = new Set(findings.filter((f) => f.code === PROMETHEUS_CONFIG).map((f) => `${f.start}:${f.end}`));
  return errors.size === 0 ? findings : findings.filter((f) => f.code !== 'consistency/rule-files' || !errors.has(`${f.start}:${f.end}`));
}

/** The outline: a section per top-level key, the scrape jobs under scrape_configs. */
function symbolsOf(model: PrometheusConfigModel): OutlineSymbol[] {
  if (!isMap(model.root)) return [];
  const jobs = jobsOf(model);
  return model.root.items.flatMap((pair) => {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (!key?.range) return [];
    const name = String(key.value);
    const [start] = spanOf(pair.key as never);
    const end = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? key.range[1];
    const children: OutlineSymbol[] =
      name === 'scrape_configs'
        ? jobs.map((job) => {
            const [jobStart, jobEnd] = spanOf(job.node);
            const [nameStart, nameEnd] = job.namePair?.value ? spanOf(job.namePair.value) : [jobStart, jobStart];
            const detail = [job.node.get('scrape_interval'), job.node.get('metrics_path')]
              .filter((v) => v !== undefined && v !== null)
              .map(String)
              .join(' ');
            return {
              name: job.name || `scrape_configs[${job.index}]`,
              kind: 'job' as const,
              ...(detail ? { detail } : {}),
              start: jobStart,
              end: jobEnd,
              selectionStart: nameStart,
              selectionEnd: nameEnd,
              children: [],
            };
          })
        : [];
    return [{ name, kind: 'section' as const, start, end, selectionStart: key.range[0], selectionEnd: key.range[1], children }];
  });
}
