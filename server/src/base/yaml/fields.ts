/**
 * Constructors of shape fields (shape.ts), shared by the tables of the
 * configuration kinds (prometheus.yaml, alertmanager.yml, Loki, Promtail):
 * a field is its shape and, when given, its documentation.
 */
import type { Field, MapShape, ScalarShape, Shape } from './shape';

const documented = (shape: Shape, doc?: string): Field => ({ shape, ...(doc ? { doc } : {}) });

export const str = (doc?: string, extra: Partial<ScalarShape> = {}): Field => documented({ type: 'string', ...extra }, doc);
export const bool = (doc?: string): Field => documented({ type: 'bool' }, doc);
export const int = (doc?: string, min = 0): Field => documented({ type: 'int', min }, doc);
export const num = (doc?: string): Field => documented({ type: 'number', min: 0 }, doc);
export const size = (doc?: string): Field => documented({ type: 'size' }, doc);
/** Prometheus's durations (`1h30m`, `7d`): Prometheus, Alertmanager, Loki's limits. */
export const duration = (doc?: string): Field => documented({ type: 'duration' }, doc);
/** Go's durations (`1.5h`, `300ms`, no `d`): the settings of Loki's and Promtail's components. */
export const goDuration = (doc?: string): Field => documented({ type: 'duration', durationSyntax: 'go' }, doc);
export const listOf = (items: Shape, doc?: string): Field => documented({ type: 'list', items }, doc);
export const strings = (doc?: string): Field => listOf({ type: 'string' }, doc);
export const stringMap = (doc?: string): Field => documented({ type: 'map', fields: {}, values: { type: 'string' } }, doc);
export const anyField = (doc?: string): Field => documented({ type: 'any' }, doc);
export const map = (fields: MapShape['fields'], doc?: string, open = false): MapShape => ({ type: 'map', fields, ...(open ? { open } : {}), ...(doc ? { doc } : {}) });
/** A mapping of its own keys; `open` when the table lists only the keys people write (shape.ts). */
export const block = (fields: MapShape['fields'], doc?: string, open = true): Field => documented(map(fields, undefined, open), doc);
export const required = (field: Field): Field => ({ ...field, required: true });
/** A key the tool no longer reads, and what to write instead. */
export const removed = (instead: string): Field => ({ shape: { type: 'any' }, removed: instead });
