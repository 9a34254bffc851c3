import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document, Scalar, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { scalarOffsets, type ScalarOffsets } from './scalarOffsets';
import { parseYaml } from './parse';

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** The scalar value of `key` in the first mapping found (depth-first). */
function findScalar(node: unknown, key: string): Scalar | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === key && isScalar(pair.value)) return pair.value;
      const inner = findScalar(pair.value, key);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = findScalar(item, key);
      if (inner) return inner;
    }
  }
  return undefined;
}

function mapOf(text: string, key = 'v'): { scalar: Scalar; offsets: ScalarOffsets } {
  const [doc] = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  assert.ok(doc, 'one document');
  assert.deepEqual(doc.errors, [], 'fixture parses');
  const scalar = findScalar(doc.contents, key);
  assert.ok(scalar, `scalar ${key}`);
  return { scalar, offsets: scalarOffsets(text, scalar) };
}

/** The source text each value character came from. */
function sources(text: string, offsets: ScalarOffsets): string[] {
  return [...offsets.value].flatMap((_, i) => {
    const [s, e] = offsets.toDocumentRange(i, i + 1);
    return [text.slice(s, e)];
  });
}

/** Decodes a double-quoted escape sequence as YAML does (§5.7). */
function decodeEscape(seq: string): string | undefined {
  const simple: Record<string, string> = {
    '0': '\0',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    N: '\u0085',
    _: '\u00a0',
    L: '\u2028',
    P: '\u2029',
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t',
  };
  const tail = seq.slice(1);
  if (tail.length === 1) return simple[tail];
  if (/^[xuU][0-9a-fA-F]+$/.test(tail)) return String.fromCodePoint(parseInt(tail.slice(1), 16));
  return undefined;
}

/** The property: every value character maps to source that produces it. */
function assertEachCharMapsToItsSource(text: string, offsets: ScalarOffsets, label: string): void {
  const value = offsets.value;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const [s, e] = offsets.toDocumentRange(i, i + 1);
    const src = text.slice(s, e);
    const ok =
      src === ch ||
      (src.startsWith('\\') && (decodeEscape(src) ?? '').includes(ch)) ||
      (src === "''" && ch === "'") ||
      ((ch === ' ' || ch === '\n') && (src === '\n' || src === '\r\n' || src === '\r'));
    assert.ok(ok, `${label}: value[${i}]=${JSON.stringify(ch)} maps to ${JSON.stringify(src)} at ${s} in ${JSON.stringify(text)}`);
  }
  const endAt = offsets.toDocumentOffset(value.length);
  if (value.length > 0) assert.equal(endAt, offsets.toDocumentRange(value.length - 1, value.length)[1], `${label}: end`);
}

describe('scalarOffsets', () => {
  it('maps a plain single-line scalar one to one', () => {
    const text = 'v: up == 0\n';
    const { offsets } = mapOf(text);
    assert.equal(offsets.value, 'up == 0');
    assert.equal(offsets.toDocumentOffset(0), 3);
    assert.equal(offsets.toDocumentOffset(3), 6);
    assert.equal(offsets.toDocumentOffset(7), 10, 'the end maps past the last char');
    assert.deepEqual(offsets.toDocumentRange(3, 5), [6, 8]);
  });

  it('folds a multi-line plain scalar', () => {
    const text = 'v: sum(rate(x[5m]))\n  by (job)\n\n  > 1\n';
    const { offsets } = mapOf(text);
    assert.equal(offsets.value, 'sum(rate(x[5m])) by (job)\n> 1');
    assert.equal(offsets.toDocumentOffset(offsets.value.indexOf('by')), text.indexOf('by'));
    assert.equal(offsets.toDocumentOffset(offsets.value.indexOf('>')), text.indexOf('>'));
    assert.equal(offsets.toDocumentOffset(16), text.indexOf('\n'), 'the folded space maps to the line break');
  });

  it("unescapes '' in single-quoted scalars", () => {
    const text = "v: 'it''s {{ $value }}'\n";
    const { offsets } = mapOf(text);
    assert.equal(offsets.value, "it's {{ $value }}");
    assert.deepEqual(offsets.toDocumentRange(2, 3), [6, 8]);
    assert.equal(offsets.toDocumentOffset(offsets.value.indexOf('$')), text.indexOf('$'));
  });

  it('decodes every double-quoted escape to the start of its sequence', () => {
    const text = 'v: "a\\tb\\"c\\\\d\\x41\\u00e9\\U0001F600e\\n"\n';
    const { offsets } = mapOf(text);
    assert.equal(offsets.value, 'a\tb"c\\dAé\u{1F600}e\n');
    const at = (needle: string): number => offsets.toDocumentOffset(offsets.value.indexOf(needle));
    assert.equal(at('\t'), text.indexOf('\\t'));
    assert.equal(at('A'), text.indexOf('\\x41'));
    assert.equal(at('é'), text.indexOf('\\u00e9'));
    assert.equal(at('\u{1F600}'), text.indexOf('\\U0001F600'));
    assert.equal(at('e'), text.indexOf('e\\n'));
    assert.deepEqual(offsets.toDocumentRange(offsets.value.indexOf('A'), offsets.value.indexOf('A') + 1), [text.indexOf('\\x41'), text.indexOf('\\u00e9')]);
  });

  it('joins an escaped line break and folds an unescaped one in double quotes', () => {
    const text = 'v: "one \\\n    two\n    three"\n';
    const { offsets } = mapOf(text);
    assert.equal(offsets.value, 'one two three');
    assert.equal(offsets.toDocumentOffset(4), text.indexOf('two'));
    assert.equal(offsets.toDocumentOffset(7), text.indexOf('two') + 3, 'the folded space maps to the line break');
  });

  it('cuts block indentation of a literal scalar and clips the final break', () => {
    const text = 'r:\n  v: |\n    a\n      b\n\n';
    const { offsets } = mapOf(text);
    assert.equal(offsets.value, 'a\n  b\n');
    assert.equal(offsets.toDocumentOffset(0), text.indexOf('a'));
    assert.equal(offsets.toDocumentOffset(2), text.indexOf('  b'));
    assert.equal(offsets.toDocumentOffset(4), text.indexOf('b'));
  });

  it('honours chomping and explicit indentation indicators', () => {
    const strip = mapOf('v: |-\n  x\n\n').offsets;
    assert.equal(strip.value, 'x');
    const keep = mapOf('v: |+\n  x\n\n').offsets;
    assert.equal(keep.value, 'x\n\n');
    const text = '- v: |2-\n     indented\n    y\n';
    const explicit = mapOf(text).offsets;
    assert.equal(explicit.value, ' indented\ny');
    assert.ok(explicit.exact);
    assert.equal(explicit.toDocumentOffset(1), text.indexOf('indented'));
  });

  it('folds a > block scalar but keeps more-indented lines', () => {
    const text = 'v: >\n  a\n  b\n\n  c\n    d\n  e\n';
    const { offsets } = mapOf(text);
    assert.equal(offsets.value, 'a b\nc\n  d\ne\n');
    assert.equal(offsets.toDocumentOffset(offsets.value.indexOf('d')), text.indexOf('d'));
    assert.equal(offsets.toDocumentOffset(offsets.value.indexOf('e')), text.indexOf('e\n'));
  });

  it('handles CRLF line breaks', () => {
    const text = 'v: |\r\n  a\r\n  b\r\nw: "x\r\n  y"\r\n';
    const literal = mapOf(text).offsets;
    assert.equal(literal.value, 'a\nb\n');
    assert.equal(literal.toDocumentOffset(2), text.indexOf('b'));
    assert.deepEqual(literal.toDocumentRange(1, 2), [text.indexOf('\r\n  b'), text.indexOf('\r\n  b') + 2]);
    const quoted = mapOf(text, 'w').offsets;
    assert.equal(quoted.value, 'x y');
    assert.equal(quoted.toDocumentOffset(2), text.indexOf('y'));
  });

  it('maps an empty value to its start', () => {
    const text = 'v: ""\n';
    const { offsets } = mapOf(text);
    assert.equal(offsets.value, '');
    assert.equal(offsets.toDocumentOffset(0), 4);
  });

  const STYLES = [Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED] as const;
  const arbitraryText = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', '"', "'", '\\', '#', ':', '{', '}', '$', '|', '-', 'é', '\u{1F600}', '\r') }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
  );

  it('property: each value character maps to the source that produced it, in every style', () => {
    let inexact = 0;
    let runs = 0;
    fc.assert(
      fc.property(arbitraryText, fc.constantFrom(...STYLES), fc.integer({ min: 0, max: 3 }), fc.constantFrom('\n', '\r\n', '\r'), (value, style, depth, eol) => {
        const scalar = new Scalar(value);
        scalar.type = style;
        let contents: unknown = { v: scalar };
        for (let d = 0; d < depth; d++) contents = d % 2 === 0 ? [contents] : { k: contents };
        const doc = new Document(contents);
        let text = doc.toString({ lineWidth: 20, minContentWidth: 5 });
        text = text.replace(/\n/g, eol);
        // A lone CR ends lines as parseYaml reads them (the `yaml` package alone would not).
        const [parsed] = eol === '\r' ? parseYaml(text).documents : (parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[]);
        if (!parsed || parsed.errors.length > 0) return;
        const node = findScalar(parsed.contents, 'v');
        if (!node || typeof node.source !== 'string') return;
        const offsets = scalarOffsets(text, node);
        runs++;
        if (!offsets.exact) inexact++;
        assert.ok(offsets.exact, `resolved exactly: ${JSON.stringify(text)}`);
        assert.equal(offsets.value, node.source, `value of ${JSON.stringify(text)}`);
        if (offsets.exact) assertEachCharMapsToItsSource(text, offsets, String(node.type));
      }),
      { numRuns: 3000 },
    );
    assert.ok(runs > 1000, `enough serialisations parse back (${runs})`);
    assert.equal(inexact, 0, 'the resolver reproduces the parser on every sample');
  });

  it('sources() reads back the plain characters', () => {
    const text = 'v: ab\n';
    assert.deepEqual(sources(text, mapOf(text).offsets), ['a', 'b']);
  });
});
