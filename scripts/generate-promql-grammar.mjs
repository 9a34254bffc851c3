// Writes the PromQL TextMate grammars under syntaxes/ from one description, so
// the function names come from server/src/promql/functions.json (the table the
// checker uses) and the three grammars cannot drift apart:
//
//   syntaxes/promql.tmLanguage.json             source.promql  (.promql files)
//   syntaxes/promql-yaml.injection.tmLanguage.json   PromQL in YAML `expr:` values
//   syntaxes/promql-json.injection.tmLanguage.json   PromQL in JSON "expr" strings
//
// PromQL inside a host string is the same language seen through the host's
// escaping: in a JSON or YAML double-quoted string a PromQL `"` is written `\"`
// and a PromQL `\` is written `\\`; in a YAML single-quoted string a `'` is
// written `''`. Each such "view" gets its own copy of the rules, built by
// rules(view) below, whose nested rules also stop at the host string's end.
//
//   node scripts/generate-promql-grammar.mjs           write the files
//   node scripts/generate-promql-grammar.mjs --check   exit 1 if a file is stale
//
// Over 400 lines on purpose: the description of PromQL's tokens and the three
// grammars built from it are one unit; split, the parts would only be read together.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const table = JSON.parse(readFileSync(join(ROOT, 'server/src/promql/functions.json'), 'utf8'));

// Aggregation operators come from the same table; keywords are the lexer's
// (server/src/promql/lexer.ts). Like Prometheus, both are case-insensitive; function names are not.
const AGGREGATORS = table.aggregations.map((aggregation) => aggregation.name);
const GROUPING = ['by', 'without'];
const MATCHING = ['on', 'ignoring', 'group_left', 'group_right'];

/** Alternation of words, longest first so a prefix never wins. */
const alt = (words) => [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
const stable = table.functions.filter((f) => !f.experimental).map((f) => f.name);
const experimental = table.functions.filter((f) => f.experimental).map((f) => f.name);
const removed = (table.removed ?? []).map((f) => f.name);

// Identifier edges: metric names may contain ':', so `\b` is not enough.
const WB = '(?<![\\w:])';
const WE = '(?![\\w:])';

/**
 * How PromQL text appears inside a host. `q(c)` is the regex for a PromQL quote
 * character c as written in the host, `bs` the regex for one PromQL backslash,
 * `stop` a lookahead body at which every nested rule must give up (the host
 * string's end), `hostEscapes` patterns for the host's own escapes, and
 * `comment` the regex of a PromQL comment.
 */
const VIEWS = {
  // .promql files and YAML block scalars: PromQL as it is.
  raw: {
    prefix: '',
    q: (c) => c,
    bs: '\\\\',
    stop: null,
    hostEscapes: [],
    comment: '(#).*$',
  },
  // YAML plain scalars: ` #` starts a YAML comment, whatever PromQL thinks.
  'yaml-plain': {
    prefix: 'plain-',
    q: (c) => c,
    bs: '\\\\',
    stop: '[ \\t]+#',
    hostEscapes: [],
    comment: '(#)(?:(?![ \\t]+#).)*',
  },
  // YAML single-quoted scalars: '' is a quote, the scalar ends at a lone '.
  'yaml-single': {
    prefix: 'single-',
    q: (c) => (c === "'" ? "''" : c),
    bs: '\\\\',
    stop: "'(?!')",
    hostEscapes: [{ match: "''", name: 'constant.character.escape.yaml' }],
    comment: "(#)(?:[^']|'')*",
  },
  // YAML double-quoted scalars: backslash escapes, may span lines.
  'yaml-double': {
    prefix: 'double-',
    q: (c) => (c === '"' ? '\\\\"' : c),
    bs: '\\\\\\\\',
    stop: '"',
    hostEscapes: [
      {
        match: '\\\\(?:[0abtnvfre "/\\\\N_LP\\t]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|$)',
        name: 'constant.character.escape.yaml',
      },
      { match: '\\\\.', name: 'invalid.illegal.escape.yaml' },
    ],
    comment: '(#)(?:[^"\\\\]|\\\\[^n])*',
  },
  // JSON strings (Grafana dashboard targets).
  json: {
    prefix: 'json-',
    q: (c) => (c === '"' ? '\\\\"' : c),
    bs: '\\\\\\\\',
    stop: '"',
    hostEscapes: [
      { match: '\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})', name: 'constant.character.escape.json' },
      { match: '\\\\.', name: 'invalid.illegal.unrecognized-string-escape.json' },
    ],
    comment: '(#)(?:[^"\\\\]|\\\\[^n])*',
  },
};

/** `end` of a nested rule: its own end, or (zero-width) the host string's end. */
function endWith(view, end) {
  return view.stop ? `${end}|(?=${view.stop})` : end;
}

/** The repository of one view; keys are prefixed so several views share a grammar. */
function rules(view) {
  const p = view.prefix;
  const ref = (name) => ({ include: `#${p}${name}` });
  const hostEscapes = view.hostEscapes.map((e) => ({ ...e }));
  const bs = view.bs;
  const comment = {
    match: view.comment,
    name: 'comment.line.number-sign.promql',
    captures: { 1: { name: 'punctuation.definition.comment.promql' } },
  };

  // A PromQL escape: backslash, then one of Go's escapes as the host writes it.
  const escapeBody = (quote) => `(?:[abfnrtv]|${bs}|${view.q(quote)}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3})`;
  const quoted = (quote, kind) => {
    const q = view.q(quote);
    return {
      begin: q,
      end: endWith(view, `${q}|$`),
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.promql' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.promql' } },
      name: `string.quoted.${kind}.promql`,
      patterns: [
        { match: `${bs}${escapeBody(quote)}`, name: 'constant.character.escape.promql' },
        { match: `${bs}(?:${view.q('"') === '"' ? '.' : '\\\\.|[^\\\\]'})`, name: 'invalid.illegal.unknown-escape.promql' },
        ...hostEscapes,
        ref('template-variable'),
      ],
    };
  };

  const repo = {
    [`${p}expression`]: {
      patterns: [
        ref('comment'),
        ref('string'),
        ...hostEscapes,
        ref('template-variable'),
        ref('label-matchers'),
        ref('grouping'),
        ref('at-modifier'),
        ref('keyword'),
        ref('aggregation'),
        ref('function-call'),
        ref('number'),
        ref('metric-name'),
        ref('operator'),
        ref('punctuation'),
      ],
    },
    [`${p}comment`]: comment,
    [`${p}string`]: {
      patterns: [ref('string-double'), ref('string-single'), ref('string-raw')],
    },
    [`${p}string-double`]: quoted('"', 'double'),
    [`${p}string-single`]: quoted("'", 'single'),
    [`${p}string-raw`]: {
      begin: '`',
      end: endWith(view, '`'),
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.promql' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.promql' } },
      name: 'string.quoted.other.raw.promql',
      patterns: [...hostEscapes, ref('template-variable')],
    },
    // Grafana template variables: $var, ${var}, ${var:format}, ${var.field}, [[var]], [[var:format]].
    [`${p}template-variable`]: {
      patterns: [
        {
          match: '(\\$)(__[A-Za-z0-9_]+)',
          name: 'variable.language.template.promql',
          captures: { 1: { name: 'punctuation.definition.variable.promql' } },
        },
        {
          match: '(\\$\\{)[ \\t]*([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)(?:(:)([A-Za-z0-9_]+))?[ \\t]*(\\})',
          name: 'variable.other.template.promql',
          captures: {
            1: { name: 'punctuation.definition.variable.begin.promql' },
            3: { name: 'punctuation.separator.format.promql' },
            4: { name: 'support.other.format.promql' },
            5: { name: 'punctuation.definition.variable.end.promql' },
          },
        },
        {
          match: '(\\$)([A-Za-z_][A-Za-z0-9_]*)',
          name: 'variable.other.template.promql',
          captures: { 1: { name: 'punctuation.definition.variable.promql' } },
        },
        {
          match: '(\\[\\[)([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)(?:(:)([A-Za-z0-9_]+))?(\\]\\])',
          name: 'variable.other.template.promql',
          captures: {
            1: { name: 'punctuation.definition.variable.begin.promql' },
            3: { name: 'punctuation.separator.format.promql' },
            4: { name: 'support.other.format.promql' },
            5: { name: 'punctuation.definition.variable.end.promql' },
          },
        },
      ],
    },
    // {job="x", code=~"5.."}: label names, matcher operators, values.
    [`${p}label-matchers`]: {
      begin: '\\{',
      end: endWith(view, '\\}'),
      beginCaptures: { 0: { name: 'punctuation.section.braces.begin.promql' } },
      endCaptures: { 0: { name: 'punctuation.section.braces.end.promql' } },
      name: 'meta.label-matchers.promql',
      patterns: [
        ref('comment'),
        ref('string'),
        ...hostEscapes,
        ref('template-variable'),
        { match: '[A-Za-z_][A-Za-z0-9_]*', name: 'entity.other.attribute-name.label.promql' },
        { match: '=~|!~', name: 'keyword.operator.matcher.regex.promql' },
        { match: '!=|=', name: 'keyword.operator.matcher.promql' },
        { match: ',', name: 'punctuation.separator.comma.promql' },
      ],
    },
    // by (...), without (...), on (...), ignoring (...), group_left (...), group_right (...): label lists.
    [`${p}grouping`]: {
      begin: `${WB}(?i:(${alt(GROUPING)})|(${alt(MATCHING)}))${WE}[ \\t]*(\\()`,
      end: endWith(view, '\\)'),
      beginCaptures: {
        1: { name: 'keyword.other.grouping.promql' },
        2: { name: 'keyword.other.vector-matching.promql' },
        3: { name: 'punctuation.section.parens.begin.promql' },
      },
      endCaptures: { 0: { name: 'punctuation.section.parens.end.promql' } },
      name: 'meta.grouping-labels.promql',
      patterns: [
        ref('comment'),
        ref('string'),
        ...hostEscapes,
        ref('template-variable'),
        { match: '[A-Za-z_][A-Za-z0-9_]*', name: 'entity.other.attribute-name.label.promql' },
        { match: ',', name: 'punctuation.separator.comma.promql' },
      ],
    },
    // `@ 1609746000`, `@ start()`, `@ end()`.
    [`${p}at-modifier`]: {
      match: `(@)(?:[ \\t]*${WB}(start|end)${WE}[ \\t]*(\\()[ \\t]*(\\)))?`,
      captures: {
        1: { name: 'keyword.operator.at.promql' },
        2: { name: 'keyword.other.at-modifier.promql' },
        3: { name: 'punctuation.section.parens.begin.promql' },
        4: { name: 'punctuation.section.parens.end.promql' },
      },
    },
    [`${p}keyword`]: {
      patterns: [
        { match: `${WB}(?i:and|or|unless)${WE}`, name: 'keyword.operator.wordlike.set.promql' },
        { match: `${WB}(?i:atan2)${WE}`, name: 'keyword.operator.wordlike.arithmetic.promql' },
        { match: `${WB}(?i:bool)${WE}`, name: 'keyword.other.bool.promql' },
        { match: `${WB}(?i:${alt(GROUPING)})${WE}`, name: 'keyword.other.grouping.promql' },
        { match: `${WB}(?i:${alt(MATCHING)})${WE}`, name: 'keyword.other.vector-matching.promql' },
        { match: `${WB}(?i:offset)${WE}`, name: 'keyword.other.offset.promql' },
        { match: `${WB}(?i:smoothed|anchored)${WE}`, name: 'keyword.other.range-modifier.promql' },
        { match: `${WB}(?i:fill|fill_left|fill_right)${WE}(?=[ \\t]*\\()`, name: 'keyword.other.fill.promql' },
      ],
    },
    [`${p}aggregation`]: {
      match: `${WB}(?i:${alt(AGGREGATORS)})${WE}`,
      name: 'keyword.other.aggregation.promql',
    },
    // Function names come from functions.json; a call of any other name is still a call.
    [`${p}function-call`]: {
      patterns: [
        { match: `${WB}(?:${alt(stable)})(?=[ \\t]*\\()`, name: 'support.function.promql' },
        ...(experimental.length ? [{ match: `${WB}(?:${alt(experimental)})(?=[ \\t]*\\()`, name: 'support.function.experimental.promql' }] : []),
        ...(removed.length ? [{ match: `${WB}(?:${alt(removed)})(?=[ \\t]*\\()`, name: 'invalid.deprecated.function.promql' }] : []),
        { match: `${WB}[A-Za-z_][A-Za-z0-9_]*(?=[ \\t]*\\()`, name: 'entity.name.function.promql' },
      ],
    },
    [`${p}number`]: {
      patterns: [
        { match: '(?<![\\w.])(?:[0-9]+(?:ms|[smhdwy]))+(?![\\w.])', name: 'constant.numeric.duration.promql' },
        { match: '(?<![\\w.])0[xX][0-9a-fA-F]+(?![\\w.])', name: 'constant.numeric.hex.promql' },
        {
          match: '(?<![\\w.])(?:[0-9]+(?:_[0-9]+)*(?:\\.(?:[0-9]+(?:_[0-9]+)*)?)?|\\.[0-9]+(?:_[0-9]+)*)(?:[eE][+-]?[0-9]+(?:_[0-9]+)*)?(?![\\w.])',
          name: 'constant.numeric.decimal.promql',
        },
        { match: `${WB}(?i:inf)${WE}`, name: 'constant.numeric.inf.promql' },
        { match: `${WB}(?i:nan)${WE}`, name: 'constant.numeric.nan.promql' },
      ],
    },
    [`${p}metric-name`]: {
      match: `${WB}(?:[A-Za-z_]|:(?=[A-Za-z0-9_:]))[A-Za-z0-9_:]*`,
      name: 'entity.name.type.metric.promql',
    },
    [`${p}operator`]: {
      patterns: [
        { match: '</|>/', name: 'keyword.operator.trim.promql' },
        { match: '==|!=|>=|<=|>|<', name: 'keyword.operator.comparison.promql' },
        { match: '[-+*/%^]', name: 'keyword.operator.arithmetic.promql' },
        { match: '=~|!~|=', name: 'invalid.illegal.operator.promql' },
      ],
    },
    [`${p}punctuation`]: {
      patterns: [
        { match: '\\(', name: 'punctuation.section.parens.begin.promql' },
        { match: '\\)', name: 'punctuation.section.parens.end.promql' },
        { match: '\\[', name: 'punctuation.section.brackets.begin.promql' },
        { match: '\\]', name: 'punctuation.section.brackets.end.promql' },
        { match: ':', name: 'punctuation.separator.subquery.promql' },
        { match: ',', name: 'punctuation.separator.comma.promql' },
      ],
    },
  };
  return repo;
}

const GENERATED = 'Generated by scripts/generate-promql-grammar.mjs from server/src/promql/functions.json; do not edit.';

function promqlGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    comment: GENERATED,
    name: 'PromQL',
    scopeName: 'source.promql',
    fileTypes: ['promql'],
    patterns: [{ include: '#expression' }],
    repository: rules(VIEWS.raw),
  };
}

// ---- YAML: `expr:` values in every scalar style ---------------------------------------

const YAML_KEY = `(expr|"expr"|'expr')[ \\t]*(:)`;
const KEY_CAPTURES = (first) => ({
  [first]: { name: 'entity.name.tag.yaml' },
  [first + 1]: { name: 'punctuation.separator.key-value.mapping.yaml' },
});
// Where a mapping key can start: after the line's indentation, or after the `- ` of a
// sequence entry. Only lookbehinds, so the rule starts at the key itself: a host grammar
// may already have consumed the indentation (VS Code's YAML grammar does, in `while`
// rules), and a host rule that starts earlier on the line (the first content line of a
// block scalar, say) must keep winning. The captures give the key's column as spaces
// (`keyColumn`), which block and plain scalars need: their lines go on while they are
// indented deeper than the key.
const ANCHORS = {
  plain: {
    regex: '(?<=^([ \\t]*))',
    next: 2,
    keyColumn: '\\1',
  },
  dash: {
    regex: '(?<=^([ \\t]*)-([ \\t]+))',
    next: 3,
    keyColumn: '\\1 \\2',
  },
};
// A line goes on while it is blank or indented deeper than the key (block scalars), and for
// plain scalars while that deeper line is not a comment.
const deeper = (keyColumn, firstChar) => `(?<=^${keyColumn}[ \\t]+)(?=${firstChar})|(?<=^[ \\t]*)$`;

function yamlInjection() {
  const patterns = [];
  const repository = {};
  for (const [anchorName, anchor] of Object.entries(ANCHORS)) {
    const n = anchor.next;
    const begin = (rest) => `${anchor.regex}${YAML_KEY}${rest}`;
    // expr: |  /  expr: >-  /  expr: |2+  (block scalars, any chomping and indentation indicator)
    repository[`block-scalar-${anchorName}`] = {
      begin: begin('[ \\t]+(?:([|])|(>))([1-9][+-]?|[+-][1-9]?)?(?:[ \\t]+(#.*))?[ \\t]*$'),
      while: deeper(anchor.keyColumn, '\\S'),
      beginCaptures: {
        ...KEY_CAPTURES(n),
        [n + 2]: { name: 'keyword.control.flow.block-scalar.literal.yaml' },
        [n + 3]: { name: 'keyword.control.flow.block-scalar.folded.yaml' },
        [n + 4]: { name: 'storage.modifier.chomping-indicator.yaml' },
        [n + 5]: { name: 'comment.line.number-sign.yaml' },
      },
      contentName: 'meta.embedded.block.promql',
      patterns: [{ include: '#expression' }],
    };
    // expr: "..." and expr: '...' (both may span lines)
    repository[`double-quoted-${anchorName}`] = quotedValue(begin, n, '"', '"', 'double', '#double-expression');
    repository[`single-quoted-${anchorName}`] = quotedValue(begin, n, "'", "'(?!')", 'single', '#single-expression');
    // expr: sum(rate(x[5m]))   (plain; may go on over deeper lines, also starting on the next line)
    repository[`plain-${anchorName}`] = {
      begin: begin('(?=[ \\t]*$|[ \\t]+#|[ \\t]+(?:[^\\s|>\'"#&*!%@`{\\[\\],}?:-]|[?:-]\\S))'),
      while: deeper(anchor.keyColumn, '[^\\s#]'),
      beginCaptures: KEY_CAPTURES(n),
      contentName: 'meta.embedded.block.promql',
      patterns: [{ match: '(?:^|(?<=[ \\t]))(#.*)$', captures: { 1: { name: 'comment.line.number-sign.yaml' } } }, { include: '#plain-expression' }],
    };
  }
  for (const style of ['block-scalar', 'double-quoted', 'single-quoted', 'plain']) {
    for (const anchorName of Object.keys(ANCHORS)) patterns.push({ include: `#${style}-${anchorName}` });
  }
  return {
    comment: GENERATED,
    scopeName: 'promql.injection.yaml',
    injectionSelector: 'L:source.yaml -comment -string -meta.embedded.block.promql -meta.embedded.inline.promql',
    patterns,
    repository: {
      ...repository,
      ...rules(VIEWS.raw),
      ...rules(VIEWS['yaml-plain']),
      ...rules(VIEWS['yaml-single']),
      ...rules(VIEWS['yaml-double']),
    },
  };
}

/** A quoted YAML `expr:` value: the key's captures, the quotes scoped as YAML's, PromQL between them. */
function quotedValue(begin, n, quote, end, style, expression) {
  return {
    begin: begin(`[ \\t]+(${quote})`),
    end,
    beginCaptures: {
      ...KEY_CAPTURES(n),
      [n + 2]: { name: `string.quoted.${style}.yaml punctuation.definition.string.begin.yaml` },
    },
    endCaptures: { 0: { name: `string.quoted.${style}.yaml punctuation.definition.string.end.yaml` } },
    contentName: 'meta.embedded.inline.promql',
    patterns: [{ include: expression }],
  };
}

// ---- JSON: "expr": "..." --------------------------------------------------------------

function jsonInjection() {
  return {
    comment: GENERATED,
    scopeName: 'promql.injection.json',
    injectionSelector: 'L:source.json -comment -string -meta.embedded.inline.promql',
    patterns: [{ include: '#expr-value' }],
    repository: {
      'expr-value': {
        begin: '(?<="expr"\\s*:\\s*)"',
        end: '"',
        beginCaptures: { 0: { name: 'string.quoted.double.json punctuation.definition.string.begin.json' } },
        endCaptures: { 0: { name: 'string.quoted.double.json punctuation.definition.string.end.json' } },
        contentName: 'meta.embedded.inline.promql',
        patterns: [{ include: '#json-expression' }],
      },
      ...rules(VIEWS.json),
    },
  };
}

export const OUTPUTS = {
  'syntaxes/promql.tmLanguage.json': promqlGrammar,
  'syntaxes/promql-yaml.injection.tmLanguage.json': yamlInjection,
  'syntaxes/promql-json.injection.tmLanguage.json': jsonInjection,
};

/** path (relative to the repo) → file text */
export function generate() {
  return Object.fromEntries(Object.entries(OUTPUTS).map(([path, make]) => [path, `${JSON.stringify(make(), null, 2)}\n`]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [path, text] of Object.entries(generate())) {
    const file = join(ROOT, path);
    let current = null;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      /* missing */
    }
    if (current === text) continue;
    if (check) {
      console.error(`${path} is out of date: run node scripts/generate-promql-grammar.mjs`);
      stale++;
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${path}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
