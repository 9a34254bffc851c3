/**
 * Loki configurations (loki-config.yaml), found by content — a top-level
 * `schema_config`, `storage_config` or `limits_config`, keys no other
 * Grafana database uses — by a `loki*` name with Loki's blocks, and by
 * `k1s0.files.lokiConfig`. Checked by loki/config and loki/policy; the
 * shape gives completion and hover, the outline its blocks and schema periods.
 */
import { t } from '../l10n';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { isYamlPath, matchesAny } from '../base/files';
import type { OutlineSymbol } from '../base/types';
import { NO_FACTS } from '../workspace/index';
import type { DocumentView, FileKindHandler, KindContext } from '../workspace/fileKind';
import { infraEnvironmentOf } from './environment';
import { LOKI_KEYS, LOKI_NAMED_KEYS, mayBeLoki, pairIn, scalarText, topKeys, type LokiFile } from './read';
import { LOKI_SHAPE } from './shape';

function named(context: KindContext): boolean {
  return matchesAny(context.settings.files.lokiConfig, context.location.path, context.location.relativePath, context.workspace.caches);
}

function lokiDocument(documents: readonly Document.Parsed[], keys: readonly string[]): Document.Parsed | undefined {
  return documents.find((document) => topKeys(document).some((key) => keys.includes(key)));
}

function isLokiName(path: string): boolean {
  return /(?:^|[/\\])[^/\\]*loki[^/\\]*\.ya?ml$/i.test(path);
}

function readLoki(doc: DocumentView, context: KindContext): LokiFile | undefined {
  const documents = doc.yaml().documents.filter((document) => document.errors.length === 0 && isMap(document.contents));
  const document = lokiDocument(documents, LOKI_NAMED_KEYS) ?? (named(context) ? documents[0] : undefined);
  if (!document) return undefined;
  const environment = infraEnvironmentOf(context.location.relativePath ?? context.location.path, context.settings.config.environments);
  return { document, ...(environment ? { environment } : {}) };
}

function symbols(doc: DocumentView, context: KindContext): OutlineSymbol[] {
  const file = readLoki(doc, context);
  const root = file?.document.contents;
  if (!isMap(root)) return [];
  const out: OutlineSymbol[] = [];
  for (const pair of root.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const value = pair.value as Node | null;
    const end = value?.range ? value.range[1] : key.range[1];
    const symbol: OutlineSymbol = { name: String(key.value), kind: 'section', start: key.range[0], end, selectionStart: key.range[0], selectionEnd: key.range[1], children: [] };
    if (key.value === 'schema_config') {
      const configs = pairIn(value, 'configs')?.value;
      for (const period of isSeq(configs) ? configs.items : []) {
        if (!isMap(period) || !period.range) continue;
        const from = pairIn(period, 'from')?.value as Node | undefined;
        const name = [scalarText(from), scalarText(pairIn(period, 'store')?.value), scalarText(pairIn(period, 'schema')?.value)].filter(Boolean).join(' ');
        const at = from?.range ?? period.range;
        symbol.children.push({
          name: name || t('outline.period'),
          detail: t('outline.schemaPeriod'),
          kind: 'key',
          start: period.range[0],
          end: period.range[1],
          selectionStart: at[0],
          selectionEnd: at[1],
          children: [],
        });
      }
    }
    out.push(symbol);
  }
  return out;
}

export const lokiHandler: FileKindHandler = {
  kind: 'loki',
  claims(doc, context) {
    if (!isYamlPath(context.location.path)) return false;
    if (named(context)) return true;
    if (mayBeLoki(doc.text)) return lokiDocument(doc.outline().documents, LOKI_KEYS) !== undefined;
    return isLokiName(context.location.path) && lokiDocument(doc.outline().documents, LOKI_NAMED_KEYS) !== undefined;
  },
  facts: () => NO_FACTS,
  findings(doc, context) {
    const parsed = doc.yaml();
    const file = readLoki(doc, context);
    return [...parsed.syntax, ...(file ? context.checks.file('loki', file) : [])];
  },
  shape: LOKI_SHAPE,
  symbols,
  suppressible: () => true,
};
