/**
 * The PromQL function table: data in functions.json, validated with zod at
 * load so a bad edit fails loudly instead of producing odd diagnostics.
 * Mirrors prometheus/promql/parser/functions.go.
 */
import { z } from 'zod';
import rawTable from './functions.json';

export type ValueType = 'scalar' | 'instant vector' | 'range vector' | 'string';

const valueTypeSchema = z.enum(['scalar', 'instant vector', 'range vector', 'string']);

const functionLabelsSchema = z.enum(['keep', 'none', 'add-target', 'from-matchers', 'drop-le', 'open']);
export type FunctionLabels = z.infer<typeof functionLabelsSchema>;

const functionSchema = z.strictObject({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  args: z.array(valueTypeSchema),
  /** 0: fixed arity; n > 0: up to n more of the last arg type; -1: unbounded. */
  variadic: z.number().int().min(-1),
  returns: valueTypeSchema,
  /**
   * The kind of series the function is meant for, where it matters: a counter
   * (rate, increase: meaningless on a gauge) or a gauge (deriv, avg_over_time:
   * meaningless on an ever-growing total). Absent: any series.
   */
  reads: z.enum(['counter', 'gauge']).optional(),
  /** Samples its range must hold for a result (rate needs two); absent: one. */
  minSamples: z.number().int().min(1).optional(),
  /**
   * The labels of the result: 'keep' (absent) those of its vector argument
   * (the label inference does not model that Prometheus drops `__name__`);
   * 'none' a constant or scalar with no labels; 'add-target' the input's plus
   * the label named by the second argument (label_replace, label_join);
   * 'from-matchers' the equality matchers of its selector (absent); 'drop-le'
   * the input's without `le` (histogram_quantile); 'open' any label (info).
   */
  labels: functionLabelsSchema.optional(),
  /**
   * What the function looks at of its input when not the sample values:
   * 'absence' whether series exist, returning one only when none does
   * (absent); 'presence' whether series or samples exist (count_over_time);
   * 'timestamps' their times; 'changes' how often the value changed or fell
   * (changes, resets). Such functions are fine over a raw counter.
   */
  values: z.enum(['absence', 'presence', 'timestamps', 'changes']).optional(),
  doc: z.string().min(1),
  /** The --enable-feature flag the function needs, if it is experimental. */
  experimental: z.string().optional(),
});

const removedSchema = z.object({
  name: z.string(),
  replacement: z.string(),
  removedIn: z.string(),
  message: z.string(),
});

const aggregationSchema = z.strictObject({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  /** The type of the parameter before the vector (topk's k), if it takes one. */
  param: valueTypeSchema.optional(),
  /** The result is some of the input series as they are, labels and values (topk, limitk). */
  selects: z.boolean().optional(),
  /** The aggregate of counters is a counter (a sum, min or max of totals only grows). */
  keepsCounter: z.boolean().optional(),
  /**
   * What it looks at of its input when not the sample values: 'presence'
   * which series exist (count, group), 'labels' the values as label values
   * (count_values). Such aggregations are fine over a raw counter.
   */
  values: z.enum(['presence', 'labels']).optional(),
  doc: z.string().min(1),
  experimental: z.string().optional(),
});

/** A binary operator: its text, its lezer-promql node and what it does. */
const binaryOperatorSchema = z.strictObject({
  name: z.string().min(1),
  node: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
  kind: z.enum(['arithmetic', 'comparison', 'set', 'trim']),
});

/** The whole table (exported for its tests). */
export const functionTableSchema = z.object({
  functions: z.array(functionSchema),
  aggregations: z.array(aggregationSchema),
  binaryOperators: z.array(binaryOperatorSchema),
  removed: z.array(removedSchema),
});

export type FunctionSignature = Readonly<z.infer<typeof functionSchema>>;
export type RemovedFunction = Readonly<z.infer<typeof removedSchema>>;
export type AggregationOperator = Readonly<z.infer<typeof aggregationSchema>>;
export type BinaryOperator = Readonly<z.infer<typeof binaryOperatorSchema>>;

const table = functionTableSchema.parse(rawTable);

export const promqlFunctions: ReadonlyMap<string, FunctionSignature> = new Map(table.functions.map((f) => [f.name, f]));

export const promqlAggregations: ReadonlyMap<string, AggregationOperator> = new Map(table.aggregations.map((a) => [a.name, a]));

export const binaryOperators: readonly BinaryOperator[] = table.binaryOperators;

/** The operators of one kind, by their text as written (`==`, `and`) — lower case for the word operators. */
export function operatorNames(kind: BinaryOperator['kind']): ReadonlySet<string> {
  return new Set(binaryOperators.filter((o) => o.kind === kind).map((o) => o.name));
}

/** The operators of one kind, by their lezer-promql node names (`Eql`, `And`). */
export function operatorNodes(kind?: BinaryOperator['kind']): ReadonlySet<string> {
  return new Set(binaryOperators.filter((o) => kind === undefined || o.kind === kind).map((o) => o.node));
}

export const removedFunctions: ReadonlyMap<string, RemovedFunction> = new Map(table.removed.map((f) => [f.name, f]));

/** The labels of a call's result (see the `labels` column). */
export function labelsOf(fn: FunctionSignature | undefined): FunctionLabels {
  return fn?.labels ?? 'keep';
}

/** Smallest and largest argument count (max is Infinity when unbounded). */
export function arityOf(fn: FunctionSignature): { min: number; max: number } {
  if (fn.variadic === 0) return { min: fn.args.length, max: fn.args.length };
  const min = fn.args.length - 1;
  return { min, max: fn.variadic < 0 ? Infinity : min + fn.variadic };
}

/** The expected type of argument i, repeating the last type for variadic calls. */
export function argTypeAt(fn: FunctionSignature, i: number): ValueType | undefined {
  if (i < fn.args.length) return fn.args[i];
  return fn.variadic === 0 ? undefined : fn.args[fn.args.length - 1];
}
