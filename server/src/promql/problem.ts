import type { Caches } from '../base/caches';
import type { Severity } from '../base/types';
import type { SyntaxNode } from './parse';
import type { PromqlType } from './valueTypes';
import type { ExperimentalWhat } from './messages';

export type PromqlCode = 'promql/syntax' | 'promql/type';

export interface PromqlFix {
  title: string;
  edits: { start: number; end: number; newText: string }[];
}

/** One finding in a PromQL expression; offsets are UTF-16 offsets into the expression. */
export interface PromqlProblem {
  from: number;
  to: number;
  code: PromqlCode;
  message: string;
  severity: Severity;
  fixes?: PromqlFix[];
  /** Other places in the expression that explain the problem (the unclosed `(` a parse error comes from). */
  related?: PromqlRelated[];
}

/** A place in the expression that explains a problem; offsets are UTF-16 offsets into the expression. */
export interface PromqlRelated {
  from: number;
  to: number;
  message: string;
}

/** What every semantic check gets: the text, the types found so far, and a sink. */
export interface CheckContext {
  readonly expr: string;
  /** The service's caches (compiled regexes), when the check runs for one. */
  readonly caches?: Caches;
  /** The type found for `node` ('none' before its check ran); a plain function, not a method. */
  readonly typeOf: (node: SyntaxNode) => PromqlType;
  error(from: number, to: number, message: string, fixes?: PromqlFix[]): void;
  /** An experimental feature: valid in Prometheus 3 only with --enable-feature=flag. */
  experimental(from: number, to: number, what: ExperimentalWhat, flag: string, name?: string): void;
}
