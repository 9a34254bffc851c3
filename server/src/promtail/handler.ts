/**
 * Promtail configurations, found by content (`clients` with `positions` or
 * `scrape_configs`: a prometheus.yaml has `scrape_configs` but no clients),
 * by a `promtail*` name with Promtail's blocks, and by
 * `k1s0.files.promtailConfig`. Checked by promtail/config; the shape gives
 * completion and hover, the outline its scrape jobs and clients.
 */
import { t } from '../l10n';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { isYamlPath, matchesAny } from '../base/files';
import type { OutlineSymbol } from '../base/types';
import { pairIn, scalarText, topKeys } from '../loki/read';
import { NO_FACTS } from '../workspace/index';
import type { DocumentView, FileKindHandler, KindContext } from '../workspace/fileKind';
import { isPromtailDocument, mayBePromtail, PROMTAIL_KEYS, type PromtailFile } from './read';
import { PROMTAIL_SHAPE } from './shape';

function named(context: KindContext): boolean {
  return matchesAny(context.settings.files.promtailConfig, context.location.path, context.location.relativePath, context.workspace.caches);
}

function isPromtailName(path: string): boolean {
  return /(?:^|[/\\])[^/\\]*promtail[^/\\]*\.ya?ml$/i.test(path);
}

function promtailDocument(documents: readonly Document.Parsed[], context: KindContext): Document.Parsed | undefined {
  return (
    documents.find(isPromtailDocument) ??
    (named(context) || isPromtailName(context.location.path) ? documents.find((document) => topKeys(document).some((key) => PROMTAIL_KEYS.includes(key))) : undefined) ??
    (named(context) ? documents[0] : undefined)
  );
}

function readPromtail(doc: DocumentView, context: KindContext): PromtailFile | undefined {
  const document = promtailDocument(
    doc.yaml().documents.filter((d) => d.errors.length === 0 && isMap(d.contents)),
    context,
  );
  return document ? { document } : undefined;
}

function symbols(doc: DocumentView, context: KindContext): OutlineSymbol[] {
  const root = readPromtail(doc, context)?.document.contents;
  if (!isMap(root)) return [];
  const out: OutlineSymbol[] = [];
  for (const pair of root.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const value = pair.value as Node | null;
    const symbol: OutlineSymbol = {
      name: String(key.value),
      kind: 'section',
      start: key.range[0],
      end: value?.range ? value.range[1] : key.range[1],
      selectionStart: key.range[0],
      selectionEnd: key.range[1],
      children: [],
    };
    const child = key.value === 'scrape_configs' ? ['job_name', 'job'] : key.value === 'clients' ? ['url', 'key'] : undefined;
    if (child && isSeq(value)) {
      const [field, kind] = child as [string, 'job' | 'key'];
      for (const item of value.items) {
        if (!isMap(item) || !item.range) continue;
        const nameNode = pairIn(item, field)?.value as Node | undefined;
        const at = nameNode?.range ?? item.range;
        symbol.children.push({ name: scalarText(nameNode) ?? t('outline.unnamed'), kind, start: item.range[0], end: item.range[1], selectionStart: at[0], selectionEnd: at[1], children: [] });
      }
    }
    out.push(symbol);
  }
  return out;
}

export const promtailHandler: FileKindHandler = {
  kind: 'promtail',
  claims(doc, context) {
    if (!isYamlPath(context.location.path)) return false;
    if (named(context)) return true;
    if (mayBePromtail(doc.text) && doc.outline().documents.some(isPromtailDocument)) return true;
    return isPromtailName(context.location.path) && doc.outline().documents.some((document) => topKeys(document).some((key) => PROMTAIL_KEYS.includes(key)));
  },
  facts: () => NO_FACTS,
  findings(doc, context) {
    const file = readPromtail(doc, context);
    return [...doc.yaml().syntax, ...(file ? context.checks.file('promtail', file) : [])];
  },
  shape: PROMTAIL_SHAPE,
  symbols,
  suppressible: () => true,
};
