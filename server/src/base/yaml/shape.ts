/**
 * The structure of a YAML configuration file as data: which keys a mapping
 * has, what each value is, what each means. One table per kind of file
 * (prometheus.yaml, alertmanager.yml, compose, collector, Loki, Promtail)
 * gives, through this one walker, unknown keys with did-you-mean, wrong
 * types, values outside an enum or a range, malformed durations and sizes,
 * missing and mutually exclusive keys — and, through features/shapeAssist.ts,
 * completion and hover of the same keys and values. What needs more than one
 * value at a time (a timeout longer than its interval, a receiver nobody
 * routes to) is a check module of its area, not a rule here.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { getLocale, t } from '../../l10n';
import type { Finding, Fix, Severity } from '../types';
import { closestMatch, editDistance } from '../suggest';

/** Documentation made by code (a template per component, per variable) carries both languages itself. */
export interface LocalizedDoc {
  en: string;
  ja: string;
}

/**
 * What a key or value means, for hover and completion (Markdown). A table's
 * written English finds its Japanese in its area's `shapeDocsJa.ts`, keyed by
 * the English (features/shapeDocs.ts); documentation made by code is a `LocalizedDoc`.
 */
export type Doc = string | LocalizedDoc;

/** The Japanese of a shape table's documentation, by its English. */
export type ShapeDocsJa = Readonly<Record<string, string>>;

interface Described {
  doc?: Doc;
}

export interface Field extends Described {
  shape: Shape;
  required?: boolean;
  /** The key is no longer read by the tool: what to use instead (reported where the key is, in the user's language). */
  removed?: LocalizedDoc;
}

export interface MapShape extends Described {
  type: 'map';
  fields: Readonly<Record<string, Field>>;
  /** The shape of keys that are not fields (names the user chooses: receivers, components); absent, such keys are unknown. */
  values?: Shape;
  /**
   * The shape of such a key chosen by its name, before `values` (a collector's `otlp/in` is an
   * `otlp` receiver); undefined falls back to `values`.
   */
  valuesOf?: (key: string) => Shape | undefined;
  /** Groups of keys of which at most one may be set (mutually exclusive auth options). */
  exclusive?: readonly (readonly string[])[];
  /**
   * The fields are the keys people write, not every key the tool reads (Loki's
   * hundreds of limits): a key that is not a field is reported only when it is a
   * small edit away from one (a likely typo), without the list of allowed keys.
   */
  open?: boolean;
}

export interface ListShape extends Described {
  type: 'list';
  items: Shape;
}

export type ScalarType = 'string' | 'int' | 'number' | 'bool' | 'duration' | 'size';

export interface ScalarShape extends Described {
  type: ScalarType;
  /** The values allowed (compared as written). */
  enum?: readonly string[];
  min?: number;
  max?: number;
  /** Durations: Prometheus's `1h30m` (default, also Alertmanager's and Loki's) or Go's `1.5h` / `300ms` (the collector's). */
  durationSyntax?: 'prometheus' | 'go';
  /** Values completion offers that depend on the document (the components a collector file defines); not checked. */
  suggest?: (text: string) => readonly string[];
  /** A further rule on the value: the reason it is wrong, or undefined when it is right. */
  check?: (value: string) => string | undefined;
}

/** One of several shapes (compose's `environment` as a list or a map): the first that fits the node's kind is used. */
export interface OneOfShape extends Described {
  type: 'oneOf';
  options: readonly Shape[];
}

export interface AnyShape extends Described {
  type: 'any';
}

export type Shape = MapShape | ListShape | ScalarShape | OneOfShape | AnyShape;

export type ShapeIssueKind = 'unknown-key' | 'type' | 'enum' | 'range' | 'invalid' | 'missing' | 'removed' | 'exclusive';

/** What the walker found wrong, at document offsets, with a replacement when one is likely. */
export interface ShapeIssue {
  start: number;
  end: number;
  kind: ShapeIssueKind;
  message: string;
  /** Keys and list indices from the checked node down to the node at fault. */
  path: readonly (string | number)[];
  /** The key or value that was probably meant: a fix replaces [start, end) with it. */
  suggestion?: string;
}

type Path = readonly (string | number)[];

/** Every structural problem of `node` against `shape`, all at once. */
export function checkShape(node: Node | null | undefined, shape: Shape, path: Path = []): ShapeIssue[] {
  const issues: ShapeIssue[] = [];
  walk(node ?? null, shape, path, issues);
  return issues;
}

/** The issues as findings of one code; a suggestion becomes the preferred quick fix. */
export function shapeFindings(issues: readonly ShapeIssue[], code: string, severity: Severity = 'error'): Finding[] {
  return issues.map((issue) => {
    const finding: Finding = { start: issue.start, end: issue.end, code, message: issue.message, severity };
    if (issue.suggestion !== undefined) finding.fixes = [suggestionFix(issue)];
    return finding;
  });
}

function suggestionFix(issue: ShapeIssue): Fix {
  const title = issue.kind === 'unknown-key' ? t('fix.renameTo', { key: issue.suggestion ?? '' }) : t('fix.changeTo', { value: issue.suggestion ?? '' });
  return { title, preferred: true, edits: [{ start: issue.start, end: issue.end, newText: issue.suggestion ?? '' }] };
}

/** The dotted name of a path as messages show it (`scrape_configs[0].job_name`). */
export function pathName(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(top level)';
}

function spanOf(node: Node | null | undefined): [number, number] {
  const range = node?.range;
  return range ? [range[0], Math.max(range[1], range[0] + 1)] : [0, 0];
}

/** `owner` is the key whose value `node` is: where a missing key of `node` is reported. */
function walk(node: Node | null, shape: Shape, path: Path, issues: ShapeIssue[], owner?: Node): void {
  if (node === null || shape.type === 'any') return;
  // `key:` with nothing after it is null, which Go reads as the zero value: allowed everywhere.
  if (isScalar(node) && node.value === null) return;
  switch (shape.type) {
    case 'oneOf': {
      const option = shape.options.find((candidate) => fits(node, candidate)) ?? shape.options[0];
      if (option) walk(node, option, path, issues, owner);
      return;
    }
    case 'map':
      if (!isMap(node)) return void issues.push(typeIssue(node, path, t('shape.aMapping')));
      return walkMap(node.items, shape, path, issues, owner ?? node);
    case 'list':
      if (!isSeq(node)) return void issues.push(typeIssue(node, path, t('shape.aList')));
      node.items.forEach((item, index) => walk(item as Node, shape.items, [...path, index], issues));
      return;
    default:
      if (!isScalar(node)) return void issues.push(typeIssue(node, path, describeScalar(shape)));
      return checkScalar(node, shape, path, issues);
  }
}

function fits(node: Node, shape: Shape): boolean {
  if (shape.type === 'map') return isMap(node);
  if (shape.type === 'list') return isSeq(node);
  if (shape.type === 'oneOf') return shape.options.some((option) => fits(node, option));
  return shape.type === 'any' || isScalar(node);
}

function walkMap(pairs: readonly Pair[], shape: MapShape, path: Path, issues: ShapeIssue[], owner: Node): void {
  const present = new Map<string, Pair>();
  for (const pair of pairs) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    present.set(key, pair);
    const field = shape.fields[key];
    const keyNode = pair.key as Node;
    if (field?.removed !== undefined) {
      const [start, end] = spanOf(keyNode);
      issues.push({
        start,
        end,
        kind: 'removed',
        message: t('shape.removed', { key, where: pathName(path), instead: getLocale() === 'ja' ? field.removed.ja : field.removed.en }),
        path: [...path, key],
      });
      continue;
    }
    const named = field ? undefined : (shape.valuesOf?.(key) ?? shape.values);
    if (field) walk(pair.value as Node | null, field.shape, [...path, key], issues, keyNode);
    else if (named) walk(pair.value as Node | null, named, [...path, key], issues, keyNode);
    else {
      const [start, end] = spanOf(keyNode);
      const allowed = Object.keys(shape.fields).filter((name) => shape.fields[name]?.removed === undefined);
      const written = (name: string) => pairs.some((p) => isPair(p) && isScalar(p.key) && p.key.value === name);
      let suggestion = closestMatch(
        key,
        allowed.filter((name) => !written(name)),
      );
      // An open mapping's keys may be real: a typo of a key also written is still a typo, told without a fix (it would write the key twice).
      let named = suggestion;
      if (shape.open) {
        if (suggestion === undefined) named = closestMatch(key, allowed.filter(written));
        if (named === undefined || !isTypo(key, named)) continue;
        if (suggestion !== named) suggestion = undefined;
      }
      issues.push({
        start,
        end,
        kind: 'unknown-key',
        message: t('shape.unknownKey', { key, where: pathName(path), allowed: shape.open ? [] : allowed, ...(named ? { suggestion: named } : {}) }),
        path: [...path, key],
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  for (const [name, field] of Object.entries(shape.fields)) {
    if (!field.required || present.has(name)) continue;
    const [start, end] = ownerSpan(owner);
    issues.push({ start, end, kind: 'missing', message: t('shape.missing', { key: name, where: pathName(path) }), path: [...path, name] });
  }
  for (const group of shape.exclusive ?? []) {
    const set = group.filter((name) => present.has(name));
    if (set.length < 2) continue;
    for (const name of set.slice(1)) {
      const [start, end] = spanOf(present.get(name)?.key as Node | undefined);
      issues.push({ start, end, kind: 'exclusive', message: t('shape.exclusive', { keys: set, where: pathName(path) }), path: [...path, name] });
    }
  }
}

/** A small edit (not an abbreviation): what an open mapping reports, its other keys being possibly real. */
function isTypo(key: string, suggestion: string): boolean {
  const allowed = Math.max(1, Math.min(3, Math.floor(Math.min(key.length, suggestion.length) / 3)));
  return editDistance(key.toLowerCase(), suggestion.toLowerCase(), allowed) <= allowed;
}

/** A key, or the first key of a mapping that is no key's value (a list item, the document). */
function ownerSpan(owner: Node): [number, number] {
  if (isMap(owner) && isScalar(owner.items[0]?.key)) return spanOf(owner.items[0].key);
  return spanOf(owner);
}

function typeIssue(node: Node, path: Path, expected: string): ShapeIssue {
  const [start, end] = spanOf(node);
  return { start, end, kind: 'type', message: t('shape.type', { name: pathName(path), expected, got: describeNode(node) }), path };
}

function describeNode(node: Node): string {
  if (isMap(node)) return t('value.mapping');
  if (isSeq(node)) return t('value.list');
  if (isScalar(node)) return typeof node.value === 'string' ? t('value.string', { json: JSON.stringify(node.value) }) : t('value.scalar', { type: typeof node.value, value: String(node.value) });
  return t('value.nothing');
}

function describeScalar(shape: ScalarShape): string {
  if (shape.enum) return t('shape.oneOf', { values: shape.enum });
  return t(`shape.${shape.type}`);
}

/** Go's YAML reads these as booleans (YAML 1.1), the `yaml` package as strings. */
const GO_BOOLEANS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'True', 'False', 'TRUE', 'FALSE', 'Yes', 'No', 'YES', 'NO', 'On', 'Off', 'ON', 'OFF', 'y', 'n', 'Y', 'N']);

function checkScalar(node: Scalar, shape: ScalarShape, path: Path, issues: ShapeIssue[]): void {
  const value = node.value;
  const text = String(value);
  const [start, end] = spanOf(node);
  const issue = (kind: ShapeIssueKind, message: string, suggestion?: string): void => {
    issues.push({ start, end, kind, message, path, ...(suggestion !== undefined ? { suggestion } : {}) });
  };
  const wrong = () => issue('type', t('shape.type', { name: pathName(path), expected: describeScalar(shape), got: describeNode(node) }));
  switch (shape.type) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrong();
      break;
    case 'number':
      if (typeof value !== 'number') return wrong();
      break;
    case 'bool':
      if (typeof value !== 'boolean' && !(typeof value === 'string' && GO_BOOLEANS.has(value) && node.type === 'PLAIN')) return wrong();
      break;
    case 'duration':
      if (!isDuration(text, shape.durationSyntax ?? 'prometheus')) return issue('invalid', t('shape.badDuration', { name: pathName(path), got: text, syntax: shape.durationSyntax ?? 'prometheus' }));
      break;
    case 'size':
      if (!isSize(text)) return issue('invalid', t('shape.badSize', { name: pathName(path), got: text }));
      break;
    case 'string':
      // Go's YAML reads any scalar into a string field.
      break;
  }
  if (shape.enum && !shape.enum.includes(text)) {
    const suggestion = closestMatch(text, shape.enum);
    return issue('enum', t('shape.notInEnum', { name: pathName(path), values: shape.enum, got: text, ...(suggestion ? { suggestion } : {}) }), suggestion);
  }
  if (typeof value === 'number' && ((shape.min !== undefined && value < shape.min) || (shape.max !== undefined && value > shape.max))) {
    return issue('range', t('shape.range', { name: pathName(path), got: text, min: shape.min, max: shape.max }));
  }
  const reason = shape.check?.(text);
  if (reason !== undefined) issue('invalid', reason);
}

const PROMETHEUS_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
// Go reads microseconds as us, µs (U+00B5, the micro sign) or μs (U+03BC, Greek mu); escaped to tell them apart.
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00B5s|\u03BCs|ms|s|m|h))+$/;

/** Prometheus's `model.ParseDuration` (units in descending order, each once; `0` alone) or Go's `time.ParseDuration`. */
export function isDuration(text: string, syntax: 'prometheus' | 'go' = 'prometheus'): boolean {
  if (text === '0') return true;
  if (syntax === 'go') return GO_DURATION.test(text);
  return text !== '' && PROMETHEUS_DURATION.test(text);
}

/** Milliseconds of a Prometheus duration, or undefined when it is not one. */
export function durationMs(text: string): number | undefined {
  if (text === '0') return 0;
  const match = PROMETHEUS_DURATION.exec(text);
  if (!match || text === '') return undefined;
  const units = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1];
  return units.reduce((sum, unit, i) => sum + Number(match[i + 1] ?? 0) * unit, 0);
}

/** A byte size as Loki and the collector read it: a number with an optional unit (`512MiB`, `1GB`, `1048576`). */
export function isSize(text: string): boolean {
  return /^\d+(?:\.\d+)?\s*(?:[kKMGTPE]i?)?[bB]?$/.test(text);
}

/**
 * The shape at a path of keys (list levels are stepped through), for
 * completion and hover; the field too when the last step is a key of a map.
 */
export function shapeAt(root: Shape, path: readonly string[]): { shape: Shape; field?: Field } | undefined {
  let shape: Shape = root;
  let field: Field | undefined;
  for (const key of path) {
    const next = step(shape, key);
    if (!next) return undefined;
    ({ shape, field } = next);
  }
  return { shape: throughLists(shape), ...(field ? { field } : {}) };
}

function throughLists(shape: Shape): Shape {
  let current = shape;
  while (current.type === 'list') current = current.items;
  if (current.type === 'oneOf') return current.options.find((option) => option.type === 'map') ?? current;
  return current;
}

function step(shape: Shape, key: string): { shape: Shape; field?: Field } | undefined {
  const map = throughLists(shape);
  if (map.type !== 'map') return undefined;
  const field = map.fields[key];
  if (field) return { shape: field.shape, field };
  const byName = map.valuesOf?.(key);
  // A shape chosen by name that documents itself is hovered as a key would be.
  if (byName) return { shape: byName, ...(byName.doc !== undefined ? { field: { shape: byName, doc: byName.doc } } : {}) };
  return map.values ? { shape: map.values } : undefined;
}

/** Keys of a map shape with their documentation, for completion (removed keys left out). */
export function fieldsOf(shape: Shape): [string, Field][] {
  const map = throughLists(shape);
  return map.type === 'map' ? Object.entries(map.fields).filter(([, field]) => field.removed === undefined) : [];
}

/** The value of `key` in a YAML document's top-level mapping, if it has one. */
export function topLevel(document: Document.Parsed, key: string): Node | null | undefined {
  const contents = document.contents;
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair ? pair.value : undefined;
}
