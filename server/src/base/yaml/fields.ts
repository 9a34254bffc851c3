/**
 * Constructors of shape fields (shape.ts), shared by the tables of the
 * configuration kinds (prometheus.yaml, alertmanager.yml, Loki, Promtail):
 * a field is its shape and, when given, its documentation.
 */
import type { Doc, Field, LocalizedDoc, MapShape, ScalarShape, Shape } from './shape';

const documented = (shape: Shape, doc?: Doc): Field => ({ shape, ...(doc ? { doc } : {}) });

export const str = (doc?: Doc, extra: Partial<ScalarShape> = {}): Field => documented({ type: 'string', ...extra }, doc);
export const bool = (doc?: Doc): Field => documented({ type: 'bool' }, doc);
export const int = (doc?: Doc, min = 0): Field => documented({ type: 'int', min }, doc);
export const num = (doc?: Doc): Field => documented({ type: 'number', min: 0 }, doc);
export const size = (doc?: Doc): Field => documented({ type: 'size' }, doc);
/** Prometheus's durations (`1h30m`, `7d`): Prometheus, Alertmanager, Loki's limits. */
export const duration = (doc?: Doc): Field => documented({ type: 'duration' }, doc);
/** Go's durations (`1.5h`, `300ms`, no `d`): the settings of Loki's and Promtail's components. */
export const goDuration = (doc?: Doc): Field => documented({ type: 'duration', durationSyntax: 'go' }, doc);
export const listOf = (items: Shape, doc?: Doc): Field => documented({ type: 'list', items }, doc);
export const strings = (doc?: Doc): Field => listOf({ type: 'string' }, doc);
export const stringMap = (doc?: Doc): Field => documented({ type: 'map', fields: {}, values: { type: 'string' } }, doc);
export const anyField = (doc?: Doc): Field => documented({ type: 'any' }, doc);
export const map = (fields: MapShape['fields'], doc?: Doc, open = false): MapShape => ({ type: 'map', fields, ...(open ? { open } : {}), ...(doc ? { doc } : {}) });
/** A mapping of its own keys; `open` when the table lists only the keys people write (shape.ts). */
export const block = (fields: MapShape['fields'], doc?: Doc, open = true): Field => documented(map(fields, undefined, open), doc);
export const required = (field: Field): Field => ({ ...field, required: true });
/** A key the tool no longer reads, and what to write instead (in both languages: the finding says it). */
export const removed = (instead: LocalizedDoc): Field => ({ shape: { type: 'any' }, removed: instead });
