/**
 * The PromQL function table: data in functions.json, validated with zod at
 * load so a bad edit fails loudly instead of producing odd diagnostics.
 * Mirrors prometheus/promql/parser/functions.go.
 */
import { z } from 'zod';
import rawTable from './functions.json';

export type ValueType = 'scalar' | 'instant vector' | 'range vector' | 'string';

const valueTypeSchema = z.enum(['scalar', 'instant vector', 'range vector', 'string']);

const functionSchema = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  args: z.array(valueTypeSchema),
  /** 0: fixed arity; n > 0: up to n more of the last arg type; -1: unbounded. */
  variadic: z.number().int().min(-1),
  returns: valueTypeSchema,
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

const aggregationSchema = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  /** The type of the parameter before the vector (topk's k), if it takes one. */
  param: valueTypeSchema.optional(),
  doc: z.string().min(1),
  experimental: z.string().optional(),
});

const tableSchema = z.object({
  functions: z.array(functionSchema),
  aggregations: z.array(aggregationSchema),
  removed: z.array(removedSchema),
});

export type FunctionSignature = Readonly<z.infer<typeof functionSchema>>;
export type RemovedFunction = Readonly<z.infer<typeof removedSchema>>;
export type AggregationOperator = Readonly<z.infer<typeof aggregationSchema>>;

const table = tableSchema.parse(rawTable);

export const promqlFunctions: ReadonlyMap<string, FunctionSignature> = new Map(
  table.functions.map((f) => [f.name, f]),
);

export const promqlAggregations: ReadonlyMap<string, AggregationOperator> = new Map(
  table.aggregations.map((a) => [a.name, a]),
);

export const removedFunctions: ReadonlyMap<string, RemovedFunction> = new Map(
  table.removed.map((f) => [f.name, f]),
);

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
