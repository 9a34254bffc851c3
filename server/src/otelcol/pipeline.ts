/**
 * `otelcol/pipeline`: how service.pipelines joins the components — what a
 * pipeline names is defined (did-you-mean fix), what is defined is used, each
 * component handles its pipeline's signal, connectors join pipelines they
 * support without a cycle, each pipeline has a receiver and an exporter — and
 * the processor order the collector's documentation advises (hints).
 */
import type { Finding, Severity } from '../base/types';
import { closestMatch } from '../base/suggest';
import type { FileCheck } from '../workspace/fileKind';
import { COMPONENT_KINDS, componentType, SIGNALS, singular, type ComponentKind, type Signal } from './components';
import { say } from './messages';
import type { CollectorFile, Component, Located, Pipeline, PipelineRole } from './model';
import { typeOf } from './shapes';

export const PIPELINE_CODE = 'otelcol/pipeline';

function finding(at: { start: number; end: number }, message: string, severity: Severity = 'error', suggestion?: string): Finding {
  return {
    start: at.start,
    end: at.end,
    code: PIPELINE_CODE,
    message,
    severity,
    ...(suggestion !== undefined ? { fixes: [{ title: say('renameFix', { to: suggestion }), preferred: true, edits: [{ start: at.start, end: at.end, newText: suggestion }] }] } : {}),
  };
}

/** The kinds a pipeline list may name. */
const ROLE_KINDS: Record<PipelineRole, readonly ComponentKind[]> = { receivers: ['receivers', 'connectors'], processors: ['processors'], exporters: ['exporters', 'connectors'] };

const SAMPLERS = ['tail_sampling', 'probabilistic_sampler'];
/** Processors that read the context of the request (the client's address, its metadata), which tail_sampling loses. */
const CONTEXT_PROCESSORS = ['k8sattributes'];

export function checkPipelines(file: CollectorFile): Finding[] {
  if (!file.sections.has('service')) return [];
  const findings: Finding[] = [];
  const byId = new Map<string, Component>();
  for (const component of file.components) byId.set(`${component.kind}:${component.id}`, component);
  const used = new Set<string>();
  /** Components a misspelt reference probably means: their being unused is the same mistake, said once. */
  const meant = new Set<string>();
  /** Connector ID → signals of the pipelines where it is exporter / receiver, with the references. */
  const connectorUse = new Map<string, { exporter: { signal: Signal; ref: Located; pipeline: Pipeline }[]; receiver: { signal: Signal; ref: Located; pipeline: Pipeline }[] }>();

  for (const pipeline of file.pipelines) {
    const signal = (SIGNALS as readonly string[]).includes(pipeline.signal) ? (pipeline.signal as Signal) : undefined;
    if (!signal && pipeline.signal !== 'profiles') {
      const suggestion = closestMatch(pipeline.signal, SIGNALS);
      findings.push(
        finding({ start: pipeline.start, end: pipeline.start + pipeline.signal.length }, say('badSignal', { id: pipeline.id, ...(suggestion ? { suggestion } : {}) }), 'error', suggestion),
      );
    }
    for (const role of ['receivers', 'exporters'] as const) {
      if (!pipeline[role]?.length) findings.push(finding(pipeline, say('noComponent', { id: pipeline.id, role })));
    }
    for (const role of ['receivers', 'processors', 'exporters'] as const) {
      const seen = new Set<string>();
      for (const ref of pipeline[role] ?? []) {
        if (seen.has(ref.text)) findings.push(finding(ref, say('duplicateRef', { id: ref.text, list: `${pipeline.id}.${role}` })));
        seen.add(ref.text);
        const component = ROLE_KINDS[role].map((kind) => byId.get(`${kind}:${ref.text}`)).find((c) => c !== undefined);
        if (!component) {
          findings.push(undefinedRef(file, ref, role, meant));
          continue;
        }
        used.add(`${component.kind}:${component.id}`);
        if (component.kind === 'connectors') {
          if (!signal) continue;
          const use = connectorUse.get(component.id) ?? { exporter: [], receiver: [] };
          use[role === 'exporters' ? 'exporter' : 'receiver'].push({ signal, ref, pipeline });
          connectorUse.set(component.id, use);
          continue;
        }
        const known = componentType(component.kind, component.type);
        if (signal && known && !known.removed && !known.signals.includes(signal)) {
          findings.push(finding(ref, say('signal', { kind: singular(component.kind), id: component.id, type: component.type, signal, supported: known.signals.join(', ') })));
        }
      }
    }
    findings.push(...orderHints(pipeline));
  }

  for (const ref of file.extensions ?? []) {
    const component = byId.get(`extensions:${ref.text}`);
    if (component) used.add(`extensions:${component.id}`);
    else findings.push(undefinedRef(file, ref, 'extensions', meant));
  }

  findings.push(...connectorFindings(file, connectorUse));

  for (const component of file.components) {
    if (used.has(`${component.kind}:${component.id}`) || meant.has(`${component.kind}:${component.id}`) || inOtherSection(component)) continue;
    const message = component.kind === 'extensions' ? say('unusedExtension', { id: component.id }) : say('unused', { kind: singular(component.kind), id: component.id });
    findings.push(finding(component, message, 'warning'));
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** A component under the wrong section (a processor among the exporters): otelcol/config says so, and that it is unused follows. */
function inOtherSection(component: Component): boolean {
  // Not its own section's type (the first test), so any kind that has it is another.
  return !componentType(component.kind, component.type) && COMPONENT_KINDS.some((kind) => componentType(kind, component.type) !== undefined);
}

function undefinedRef(file: CollectorFile, ref: Located, role: PipelineRole | 'extensions', meant: Set<string>): Finding {
  const kinds = role === 'extensions' ? (['extensions'] as const) : ROLE_KINDS[role];
  const candidates = file.components.filter((c) => (kinds as readonly string[]).includes(c.kind));
  const suggestion = closestMatch(
    ref.text,
    candidates.map((c) => c.id),
  );
  for (const c of candidates) if (c.id === suggestion) meant.add(`${c.kind}:${c.id}`);
  return finding(ref, say('undefinedRef', { kind: singular(role), id: ref.text, sections: kinds, ...(suggestion ? { suggestion } : {}) }), 'error', suggestion);
}

type ConnectorUse = Map<string, { exporter: { signal: Signal; ref: Located; pipeline: Pipeline }[]; receiver: { signal: Signal; ref: Located; pipeline: Pipeline }[] }>;

function connectorFindings(file: CollectorFile, connectorUse: ConnectorUse): Finding[] {
  const findings: Finding[] = [];
  for (const [id, use] of connectorUse) {
    const type = typeOf(id);
    const pairs = componentType('connectors', type)?.connects;
    if (use.exporter.length === 0 || use.receiver.length === 0) {
      const [used, missing, refs] = use.exporter.length === 0 ? (['receiver', 'exporter', use.receiver] as const) : (['exporter', 'receiver', use.exporter] as const);
      for (const { ref } of refs) findings.push(finding(ref, say('connectorOneSide', { id, used, missing })));
      continue;
    }
    if (!pairs) continue;
    const shown = pairs.map(([a, b]) => `${a} → ${b}`).join(', ');
    for (const { signal, ref } of use.exporter) {
      if (use.receiver.some((r) => pairs.some(([a, b]) => a === signal && b === r.signal))) continue;
      findings.push(finding(ref, say('connectorPair', { id, type, from: signal, to: [...new Set(use.receiver.map((r) => r.signal))].join(', '), pairs: shown })));
    }
    for (const { signal, ref } of use.receiver) {
      if (use.exporter.some((e) => pairs.some(([a, b]) => a === e.signal && b === signal))) continue;
      findings.push(finding(ref, say('connectorPair', { id, type, from: [...new Set(use.exporter.map((e) => e.signal))].join(', '), to: signal, pairs: shown })));
    }
  }
  findings.push(...cycles(file, connectorUse));
  return findings;
}

/** Pipelines joined by connectors (exporting pipeline → receiving pipeline): each cycle once, at the connector that closes it. */
function cycles(file: CollectorFile, connectorUse: ConnectorUse): Finding[] {
  const edges = [...connectorUse].flatMap(([connector, use]) => use.exporter.flatMap((from) => use.receiver.map((to) => ({ from: from.pipeline.id, to: to.pipeline.id, connector, ref: from.ref }))));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  /** The pipelines being visited, from the first: an edge back to one of them closes a cycle. */
  // Stryker disable next-line ArrayDeclaration: an entry before the first is no pipeline's ID: nothing finds it
  const path: string[] = [];
  const reported = new Set<Located>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    path.push(id);
    for (const edge of edges) {
      if (edge.from !== id) continue;
      if (!path.includes(edge.to)) visit(edge.to);
      else if (!reported.has(edge.ref)) {
        reported.add(edge.ref);
        findings.push(finding(edge.ref, say('cycle', { id: edge.connector, path: [...path.slice(path.indexOf(edge.to)), edge.to].join(' → ') })));
      }
    }
    path.pop();
  };
  for (const pipeline of file.pipelines) visit(pipeline.id);
  return findings;
}

/** The collector's documented processor order: memory_limiter first, batch after sampling, context readers before tail_sampling. */
function orderHints(pipeline: Pipeline): Finding[] {
  const processors = pipeline.processors ?? [];
  const types = processors.map((ref) => typeOf(ref.text));
  const findings: Finding[] = [];
  const limiter = types.indexOf('memory_limiter');
  const limiterRef = processors[limiter];
  if (limiter > 0 && limiterRef) findings.push(finding(limiterRef, say('orderMemoryLimiter', { id: pipeline.id }), 'hint'));
  processors.forEach((ref, i) => {
    const type = typeOf(ref.text);
    if (type === 'batch') {
      const sampler = processors.slice(i + 1).find((later) => SAMPLERS.includes(typeOf(later.text)));
      if (sampler) findings.push(finding(ref, say('orderBatch', { sampler: sampler.text }), 'hint'));
    }
    if (CONTEXT_PROCESSORS.includes(type)) {
      const sampler = processors.slice(0, i).find((earlier) => typeOf(earlier.text) === 'tail_sampling');
      if (sampler) findings.push(finding(ref, say('orderContext', { processor: ref.text, sampler: sampler.text }), 'hint'));
    }
  });
  return findings;
}

export const otelcolPipelineCheck: FileCheck<CollectorFile> = {
  meta: {
    name: 'otelcol/pipeline',
    on: 'file',
    fileKinds: ['otelcol'],
    description:
      'OpenTelemetry Collector pipelines: undefined components (did-you-mean fix), unused ones, signals a component does not handle, connectors without their other side, unsupported or cyclic; hints on processor order',
    codes: [
      {
        code: PIPELINE_CODE,
        severity: 'error',
        short: 'collector pipeline that does not join up',
        help: "Every receiver, processor, exporter and connector a pipeline names, and every extension service.extensions names, is defined (with the ID probably meant); components defined but unused are warned about (the collector does not start them); a component must handle its pipeline's signal (`tail_sampling` only traces); a connector is the exporter of one pipeline and the receiver of another, for a pair of signals it supports, without a cycle; every pipeline has a receiver and an exporter. Hints give the processor order of the collector's documentation: memory_limiter first, batch after sampling, k8sattributes before tail_sampling.",
        ja: {
          short: 'つながらない Collector パイプライン',
          help: 'パイプラインが名前を挙げるレシーバー・プロセッサー・エクスポーター・コネクターと service.extensions の拡張が定義されていること（候補つき）、定義されているのに使われていないコンポーネント（警告: 起動されない）、パイプラインのシグナルを扱えないコンポーネント（`tail_sampling` はトレースのみ）、コネクターが一方のパイプラインのエクスポーターで他方のレシーバーであり、対応するシグナルの組で循環しないこと、各パイプラインにレシーバーとエクスポーターがあること。ヒント: Collector のドキュメントにあるプロセッサーの順序（memory_limiter を最初に、batch はサンプリングの後、k8sattributes は tail_sampling の前）。',
        },
      },
    ],
  },
  run: (file) => checkPipelines(file),
};
