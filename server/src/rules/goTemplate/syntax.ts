import type { Token } from './lex';

/** Shapes, Go's builtin function names and token rules shared by the template parser and its users. */

export type TemplateProblemKind = 'syntax' | 'unknown-function' | 'undefined-variable';

export interface TemplateProblem {
  kind: TemplateProblemKind;
  message: string;
  /** Offsets into the template text, [start, end). */
  start: number;
  end: number;
  /** The unknown function or undefined variable, for fixes. */
  name?: string;
}

/** `$labels.job`: a variable and the fields chained onto it. */
export interface VariableReference {
  variable: string;
  fields: string[];
  start: number;
  end: number;
}

export interface TemplateCheck {
  problems: TemplateProblem[];
  references: VariableReference[];
}

export interface TemplateEnvironment {
  /** Function names the template may call (Go's builtins are added). */
  functions: ReadonlySet<string>;
  /** Variables defined before the template text (`$` is always defined). */
  variables: readonly string[];
}

/** Go's builtin template functions (text/template/funcs.go). */
export const GO_BUILTIN_FUNCTIONS: readonly string[] = [
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
];

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** How Go names an item in "unexpected X in Y" messages. */
export function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'EOF';
    case 'rightDelim':
      return '"}}"';
    case 'leftDelim':
      return '"{{"';
    case 'keyword':
      return `<${token.text}>`;
    case 'space':
      return 'space';
    default:
      return JSON.stringify(token.text);
  }
}

/** Whether Go's parser accepts a number token (integers, floats, imaginary, with `_` separators). */
export function isGoNumber(text: string): boolean {
  const body = text.replace(/^[+-]/, '');
  // A leading 0 makes an integer octal (`08` is rejected).
  if (/^0[0-9_]+i?$/.test(body)) return /^0[0-7_]+i?$/.test(body);
  const digits = '[0-9](?:_?[0-9])*';
  const patterns = [
    new RegExp(`^0[xX](?:_?[0-9a-fA-F])+$`),
    new RegExp(`^0[oO](?:_?[0-7])+$`),
    new RegExp(`^0[bB](?:_?[01])+$`),
    new RegExp(`^(?:${digits})(?:\\.(?:${digits})?)?(?:[eE][+-]?${digits})?i?$`),
    new RegExp(`^\\.${digits}(?:[eE][+-]?${digits})?i?$`),
    new RegExp(`^0[xX](?:_?[0-9a-fA-F])*(?:\\.[0-9a-fA-F_]*)?[pP][+-]?${digits}$`),
  ];
  return patterns.some((pattern) => pattern.test(body));
}
