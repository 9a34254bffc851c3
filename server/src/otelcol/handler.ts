/**
 * OpenTelemetry Collector configurations, found by content (top-level
 * `receivers` and `exporters`, or `service.pipelines`) and by
 * `k1s0.files.otelCollectorConfig`. A file that does not parse gets its
 * syntax errors only: checks on the recovered guess would bury the one real
 * mistake under its consequences.
 */
import { t } from '../l10n';
import { isMap, isScalar, type Document, type Node, type Pair } from 'yaml';
import { isYamlPath, matchesAny } from '../base/files';
import type { OutlineSymbol } from '../base/types';
import { NO_FACTS } from '../workspace/index';
import type { DocumentView, FileKindHandler, KindContext } from '../workspace/fileKind';
import { COMPONENT_KINDS } from './components';
import { looksLikeCollector, readCollector, type CollectorFile } from './model';
import { COLLECTOR_SHAPE } from './shapes';

const named = ({ settings, location, workspace }: KindContext): boolean => matchesAny(settings.files.otelCollectorConfig, location.path, location.relativePath, workspace.caches);

/** Cheap look at the text before any parse: a top-level `service:` or `receivers:` and `exporters:`. */
function mayBeCollector(text: string): boolean {
  return /^service\s*:/m.test(text) || (/^receivers\s*:/m.test(text) && /^exporters\s*:/m.test(text));
}

function collectorDocument(doc: DocumentView): Document.Parsed | undefined {
  return doc.yaml().documents.find((document) => looksLikeCollector(document)) ?? doc.yaml().documents[0];
}

/** The file as the checks read it, once per text. */
export function collectorOf(doc: DocumentView): CollectorFile | undefined {
  return doc.memo('otelcol', () => {
    const document = collectorDocument(doc);
    return document ? readCollector(document, doc.text) : undefined;
  });
}

export const otelcolHandler: FileKindHandler = {
  kind: 'otelcol',
  claims: (doc, context) => isYamlPath(context.location.path) && (named(context) || (mayBeCollector(doc.text) && doc.outline().documents.some((document) => looksLikeCollector(document)))),
  // A broken collector file is still ours when its name or its top-level keys say so (`service:` alone is too common: serverless.yml).
  claimsAsFallback: (doc, context) =>
    isYamlPath(context.location.path) && (named(context) || (/^receivers\s*:/m.test(doc.text) && /^exporters\s*:/m.test(doc.text))) && doc.outline().syntax.length > 0,
  facts: () => NO_FACTS,
  findings(doc, { checks }) {
    const parsed = doc.yaml();
    if (parsed.syntax.length > 0) return parsed.syntax;
    const file = collectorOf(doc);
    return file ? checks.file('otelcol', file) : [];
  },
  shape: COLLECTOR_SHAPE,
  symbols(doc) {
    const document = collectorDocument(doc);
    return isMap(document?.contents) ? outline(document.contents.items) : [];
  },
  suppressible: () => true,
};

function span(pair: Pair): { start: number; end: number; selectionStart: number; selectionEnd: number } | undefined {
  const key = pair.key as Node | null;
  if (!key?.range) return undefined;
  const value = pair.value as Node | null;
  const end = value?.range ? value.range[1] : key.range[1];
  return { start: key.range[0], end, selectionStart: key.range[0], selectionEnd: key.range[1] };
}

function entries(node: unknown, kind: OutlineSymbol['kind'], detail: string): OutlineSymbol[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const at = span(pair);
    return at && isScalar(pair.key) ? [{ name: String(pair.key.value), detail, kind, ...at, children: [] }] : [];
  });
}

/** Each component section with its components, and service with its pipelines. */
function outline(pairs: readonly Pair[]): OutlineSymbol[] {
  return pairs.flatMap((pair) => {
    const at = span(pair);
    if (!at || !isScalar(pair.key)) return [];
    const name = String(pair.key.value);
    if ((COMPONENT_KINDS as readonly string[]).includes(name))
      return [{ name, kind: 'section' as const, ...at, children: entries(pair.value, 'component', t('outline.collectorKind', { kind: name.slice(0, -1) })) }];
    if (name !== 'service') return [];
    const pipelines = isMap(pair.value) ? pair.value.get('pipelines', true) : undefined;
    return [{ name, kind: 'section' as const, ...at, children: entries(pipelines, 'pipeline', t('outline.collectorKind', { kind: 'pipeline' })) }];
  });
}
