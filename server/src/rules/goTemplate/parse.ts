import { lexTemplate, type Token } from './lex';
import { describe, GO_BUILTIN_FUNCTIONS, isGoNumber, TemplateSyntaxError, type TemplateCheck, type TemplateEnvironment, type TemplateProblem, type VariableReference } from './syntax';

export { GO_BUILTIN_FUNCTIONS } from './syntax';
export type { TemplateCheck, TemplateEnvironment, TemplateProblem, TemplateProblemKind, VariableReference } from './syntax';

/**
 * A checking parser for Go's text/template, mirroring the grammar of
 * text/template/parse/parse.go (Go 1.19). It builds no tree: it reports what
 * `template.New(name).Funcs(funcs).Parse(text)` would reject, and the variable
 * references later checks need (`$labels.job`).
 * https://github.com/golang/go/blob/go1.19/src/text/template/parse/parse.go
 *
 * Go stops at the first error. Here a syntax error stops parsing too (what
 * follows cannot be read reliably), but unknown functions and undefined
 * variables are collected and parsing goes on, so one typo never hides another.
 */

class TemplateParser {
  private readonly tokens: Token[];
  private pos = 0;
  private readonly problems: TemplateProblem[] = [];
  private readonly references: VariableReference[] = [];
  private scopes: string[][];
  private rangeDepth = 0;
  private readonly functions: ReadonlySet<string>;
  private readonly topVariables: string[];

  constructor(
    private readonly text: string,
    env: TemplateEnvironment,
  ) {
    this.tokens = lexTemplate(text);
    this.functions = new Set([...GO_BUILTIN_FUNCTIONS, ...env.functions]);
    this.topVariables = ['$', ...env.variables];
    this.scopes = [[...this.topVariables]];
  }

  run(): TemplateCheck {
    try {
      this.parseTop();
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      this.problems.push({ kind: 'syntax', message: error.message, start: error.start, end: error.end });
    }
    return { problems: this.problems, references: this.references };
  }

  // --- token access -------------------------------------------------------

  private peek(): Token {
    return this.tokens[this.pos] ?? this.eof();
  }
  private next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length) this.pos++;
    // A one-character range reads better than an empty one, but never past the end of the text.
    if (token.kind === 'error') throw new TemplateSyntaxError(token.text, token.start, Math.max(token.end, Math.min(token.start + 1, this.text.length)));
    return token;
  }
  private skipSpace(): void {
    while (this.peek().kind === 'space') this.pos++;
  }
  private nextNonSpace(): Token {
    this.skipSpace();
    return this.next();
  }
  private peekNonSpace(): Token {
    this.skipSpace();
    const token = this.peek();
    if (token.kind === 'error') this.next();
    return token;
  }
  private eof(): Token {
    const last = this.tokens[this.tokens.length - 1];
    return { kind: 'eof', text: '', start: last?.end ?? 0, end: last?.end ?? 0 };
  }
  private fail(message: string, token: Token): never {
    throw new TemplateSyntaxError(message, token.start, Math.max(token.end, token.start + 1));
  }
  private expectRightDelim(context: string): Token {
    const token = this.nextNonSpace();
    if (token.kind !== 'rightDelim') this.fail(`unexpected ${describe(token)} in ${context}`, token);
    return token;
  }

  // --- variables ----------------------------------------------------------

  private declare(name: string): void {
    this.scopes[this.scopes.length - 1]?.push(name);
  }
  private isDefined(name: string): boolean {
    return this.scopes.some((scope) => scope.includes(name));
  }
  private useVariable(token: Token): void {
    if (this.isDefined(token.text)) return;
    this.problems.push({
      kind: 'undefined-variable',
      message: `undefined variable ${JSON.stringify(token.text)}`,
      start: token.start,
      end: token.end,
      name: token.text,
    });
  }
  private withScope<T>(body: () => T): T {
    this.scopes.push([]);
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }
  /** `define` and `block` bodies are separate templates: only `$` is visible. */
  private withFreshTemplate<T>(body: () => T): T {
    const saved = this.scopes;
    const savedRange = this.rangeDepth;
    this.scopes = [['$']];
    this.rangeDepth = 0;
    try {
      return body();
    } finally {
      this.scopes = saved;
      this.rangeDepth = savedRange;
    }
  }

  // --- grammar --------------------------------------------------------------

  private parseTop(): void {
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof') return;
      if (token.kind === 'leftDelim') {
        const save = this.pos;
        this.next();
        const keyword = this.peekNonSpace();
        if (keyword.kind === 'keyword' && keyword.text === 'define') {
          this.next();
          this.parseDefinition();
          continue;
        }
        this.pos = save;
      }
      const ended = this.textOrAction();
      if (ended) this.fail(`unexpected {{${ended.keyword.text}}}`, ended.keyword);
    }
  }

  /** Parses one text, comment or action; returns the `{{end}}` / `{{else}}` that closes a list. */
  private textOrAction(): { keyword: Token } | undefined {
    const token = this.next();
    switch (token.kind) {
      case 'text':
        return undefined;
      case 'leftDelim': {
        if (this.peek().kind === 'comment') {
          this.next();
          this.expectRightDelim('comment');
          return undefined;
        }
        return this.action();
      }
      default:
        return this.fail(`unexpected ${describe(token)} in input`, token);
    }
  }

  /** A list of items up to `{{end}}` or `{{else}}`; EOF first is an error naming the opener. */
  private itemList(opener: Token): Token {
    for (;;) {
      if (this.peekNonSpaceInText().kind === 'eof') {
        this.fail(`unexpected EOF: missing {{end}} for {{${opener.text}}}`, opener);
      }
      const ended = this.textOrAction();
      if (ended) return ended.keyword;
    }
  }
  private peekNonSpaceInText(): Token {
    const token = this.peek();
    if (token.kind === 'error') this.next();
    return token;
  }

  private action(): { keyword: Token } | undefined {
    const token = this.peekNonSpace();
    if (token.kind === 'keyword') {
      this.next();
      switch (token.text) {
        case 'end':
          this.expectRightDelim('end');
          return { keyword: token };
        case 'else':
          return { keyword: token };
        case 'if':
        case 'with':
        case 'range':
          this.parseControl(token);
          return undefined;
        case 'template':
          this.parseTemplateCall(token);
          return undefined;
        case 'block':
          this.parseBlock(token);
          return undefined;
        case 'break':
        case 'continue':
          if (this.rangeDepth === 0) this.fail(`{{${token.text}}} outside {{range}}`, token);
          this.expectRightDelim(token.text);
          return undefined;
        default:
          return this.fail(`unexpected <${token.text}> in command`, token);
      }
    }
    this.pipeline('command', 'rightDelim');
    return undefined;
  }

  /** if / with / range: pipeline, list, optional {{else}} (or {{else if}}), {{end}}. */
  private parseControl(opener: Token): void {
    this.withScope(() => {
      this.pipeline(opener.text, 'rightDelim', opener.text === 'range');
      if (opener.text === 'range') this.rangeDepth++;
      let closer = this.withScope(() => this.itemList(opener));
      if (opener.text === 'range') this.rangeDepth--;
      if (closer.text === 'else') {
        const afterElse = this.peekNonSpace();
        if (opener.text === 'if' && afterElse.kind === 'keyword' && afterElse.text === 'if') {
          // {{else if x}} is an {{if}} nested in the else branch that shares the outer {{end}}.
          this.next();
          this.parseControl(opener);
          return;
        }
        this.expectRightDelim('else');
        closer = this.withScope(() => this.itemList(opener));
        if (closer.text !== 'end') this.fail(`expected end; found {{${closer.text}}}`, closer);
      }
    });
  }

  private templateName(clause: Token): Token {
    const name = this.nextNonSpace();
    if (name.kind !== 'string' && name.kind !== 'rawString') this.fail(`unexpected ${describe(name)} in ${clause.text} clause`, name);
    return name;
  }

  private parseTemplateCall(opener: Token): void {
    this.templateName(opener);
    if (this.peekNonSpace().kind !== 'rightDelim') this.pipeline('template clause', 'rightDelim');
    else this.next();
  }

  private parseBlock(opener: Token): void {
    this.templateName(opener);
    this.pipeline('block clause', 'rightDelim');
    this.withFreshTemplate(() => {
      const closer = this.itemList(opener);
      if (closer.text !== 'end') this.fail(`unexpected {{${closer.text}}} in block clause`, closer);
    });
  }

  private parseDefinition(): void {
    const opener = this.tokens[this.pos - 1] as Token;
    this.templateName(opener);
    this.expectRightDelim('define clause');
    this.withFreshTemplate(() => {
      const closer = this.itemList(opener);
      if (closer.text !== 'end') this.fail(`unexpected {{${closer.text}}} in define clause`, closer);
    });
  }

  /** A pipeline: optional declaration, then commands separated by `|`, up to `end`. */
  private pipeline(context: string, end: 'rightDelim' | 'rightParen', allowTwoVariables = false): void {
    const declared: string[] = [];
    const first = this.peekNonSpace();
    if (first.kind === 'variable') {
      const save = this.pos;
      this.next();
      const afterVariable = this.peekNonSpace();
      if (afterVariable.kind === 'declare' || afterVariable.kind === 'assign') {
        this.next();
        // Go's parser treats `$x = v` like a declaration; only execution rejects an undefined $x.
        declared.push(first.text);
      } else if (afterVariable.kind === 'punct' && afterVariable.text === ',') {
        if (!allowTwoVariables) this.fail(`too many declarations in ${context}`, afterVariable);
        this.next();
        const second = this.nextNonSpace();
        const op = this.nextNonSpace();
        if (second.kind !== 'variable' || op.kind !== 'declare') this.fail(`too many declarations in ${context}`, second);
        declared.push(first.text, second.text);
      } else {
        this.pos = save;
      }
    }
    const stages: Token[][] = [];
    for (;;) {
      const token = this.peekNonSpace();
      if (token.kind === end) {
        this.next();
        if (stages.length === 0) this.fail(`missing value for ${context}`, token);
        this.checkStages(stages);
        // Declarations take effect after the pipeline, as in Go.
        for (const name of declared) this.declare(name);
        return;
      }
      if (['bool', 'char', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(token.kind)) {
        stages.push(this.command());
        continue;
      }
      this.fail(`unexpected ${describe(token)} in ${context}`, token);
    }
  }

  /** Only the first stage may start with a constant; later stages receive the previous result. */
  private checkStages(stages: Token[][]): void {
    stages.forEach((stage, index) => {
      const head = stage[0];
      if (index > 0 && head && ['bool', 'dot', 'nil', 'number', 'string', 'rawString', 'char'].includes(head.kind)) {
        this.fail(`non executable command in pipeline stage ${index + 1}`, head);
      }
    });
  }

  /** One command: operands separated by spaces, ended by `|` (consumed) or the pipeline's end. */
  private command(): Token[] {
    const operands: Token[] = [];
    for (;;) {
      this.skipSpace();
      const operand = this.operand();
      if (operand) operands.push(operand);
      const token = this.peek();
      if (token.kind === 'space') {
        this.next();
        continue;
      }
      if (token.kind === 'rightDelim' || token.kind === 'rightParen') break;
      if (token.kind === 'pipe') {
        this.next();
        break;
      }
      this.next();
      this.fail(`unexpected ${describe(token)} in operand`, token);
    }
    if (operands.length === 0) this.fail('empty command', this.peek());
    return operands;
  }

  /** A term and the fields chained onto it (`$labels.job`, `(index .X 0).Name`). */
  private operand(): Token | undefined {
    const term = this.term();
    if (!term) return undefined;
    const fields: Token[] = [];
    while (this.peek().kind === 'field') fields.push(this.next());
    if (fields.length > 0) {
      if (['bool', 'string', 'rawString', 'number', 'nil', 'char', 'dot'].includes(term.kind)) {
        this.fail(`unexpected . after term ${JSON.stringify(term.text)}`, fields[0] as Token);
      }
    }
    if (term.kind === 'variable') {
      const last = fields[fields.length - 1] ?? term;
      this.references.push({ variable: term.text, fields: fields.map((f) => f.text.slice(1)), start: term.start, end: last.end });
    }
    return term;
  }

  private term(): Token | undefined {
    const token = this.peek();
    switch (token.kind) {
      case 'identifier':
        this.next();
        if (!this.functions.has(token.text)) {
          this.problems.push({
            kind: 'unknown-function',
            message: `function ${JSON.stringify(token.text)} not defined`,
            start: token.start,
            end: token.end,
            name: token.text,
          });
        }
        return token;
      case 'variable':
        this.next();
        this.useVariable(token);
        return token;
      case 'number':
        this.next();
        if (!isGoNumber(token.text)) this.fail(`illegal number syntax: ${JSON.stringify(token.text)}`, token);
        return token;
      case 'char':
      case 'field':
      case 'dot':
      case 'nil':
      case 'bool':
      case 'string':
      case 'rawString':
        this.next();
        return token;
      case 'leftParen': {
        this.next();
        this.pipeline('parenthesized pipeline', 'rightParen');
        return token;
      }
      case 'error':
        this.next();
        return undefined;
      default:
        return undefined;
    }
  }
}

/** Checks a template as Go's text/template parser would with the given functions and variables. */
export function checkTemplate(text: string, env: TemplateEnvironment): TemplateCheck {
  return new TemplateParser(text, env).run();
}
