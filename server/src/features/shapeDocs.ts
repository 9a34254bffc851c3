/**
 * The documentation of a shape's key or value (base/yaml/shape.ts) in the
 * current language: a table's English finds its Japanese in its area's
 * `shapeDocsJa.ts`; documentation made by code carries both itself.
 */
import type { Doc, ShapeDocsJa } from '../base/yaml/shape';
import { ALERTMANAGER_SHAPE_JA } from '../alertmanager/shapeDocsJa';
import { COMPOSE_SHAPE_JA } from '../compose/shapeDocsJa';
import { LOKI_SHAPE_JA } from '../loki/shapeDocsJa';
import { OTELCOL_SHAPE_JA } from '../otelcol/shapeDocsJa';
import { PROMETHEUS_SHAPE_JA } from '../prometheus/shapeDocsJa';
import { PROMTAIL_SHAPE_JA } from '../promtail/shapeDocsJa';
import { getLocale } from '../l10n';

/** Every area's table; an English written in two areas has one Japanese (shapeDocs.test.ts checks that they agree). */
export const SHAPE_DOCS_JA: readonly { area: string; table: ShapeDocsJa }[] = [
  { area: 'prometheus', table: PROMETHEUS_SHAPE_JA },
  { area: 'alertmanager', table: ALERTMANAGER_SHAPE_JA },
  { area: 'compose', table: COMPOSE_SHAPE_JA },
  { area: 'promtail', table: PROMTAIL_SHAPE_JA },
  { area: 'loki', table: LOKI_SHAPE_JA },
  { area: 'otelcol', table: OTELCOL_SHAPE_JA },
];

const JA: ReadonlyMap<string, string> = new Map(SHAPE_DOCS_JA.flatMap(({ table }) => Object.entries(table)));

/** The Japanese of a table's English documentation, if written. */
export function japaneseOf(english: string): string | undefined {
  return JA.get(english);
}

/** A key's or value's documentation in the current language (English where a table lacks the Japanese, which the test forbids). */
export function docText(doc: Doc | undefined): string | undefined {
  if (doc === undefined) return undefined;
  const ja = getLocale() === 'ja';
  if (typeof doc !== 'string') return ja ? doc.ja : doc.en;
  return ja ? (JA.get(doc) ?? doc) : doc;
}
