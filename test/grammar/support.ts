/**
 * Tokenizes text with the real TextMate engine VS Code uses (vscode-textmate on
 * vscode-oniguruma) and the extension's grammars, so tests can assert the
 * scopes a token gets.
 *
 * Host grammars the injections attach to:
 * - JSON / JSON with comments: VS Code's own grammars, from the tm-grammars
 *   package (MIT, copied from microsoft/vscode).
 * - YAML: a minimal grammar in fixtures/ (tm-grammars' YAML grammar carries no
 *   licence statement); YAML_HOSTS also lists tm-grammars' (TextMate's classic
 *   YAML grammar) so the injection is tried against a second, real grammar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IOnigLib, type StateStack } from 'vscode-textmate';

export const ROOT = join(__dirname, '../..');
const TM_GRAMMARS = join(ROOT, 'node_modules/tm-grammars/grammars');

const PROMQL = join(ROOT, 'syntaxes/promql.tmLanguage.json');
const YAML_INJECTION = join(ROOT, 'syntaxes/promql-yaml.injection.tmLanguage.json');
const JSON_INJECTION = join(ROOT, 'syntaxes/promql-json.injection.tmLanguage.json');

/** YAML host grammars the YAML tests run against: name → file. */
export const YAML_HOSTS: Readonly<Record<string, string>> = {
  fixture: join(__dirname, 'fixtures/yaml.tmLanguage.json'),
  'textmate-classic': join(TM_GRAMMARS, 'yaml.json'),
};

let onigLib: Promise<IOnigLib> | undefined;
function loadOniguruma(): Promise<IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

function registry(yamlHost: string): Registry {
  const files: Record<string, string> = {
    'source.promql': PROMQL,
    'promql.injection.yaml': YAML_INJECTION,
    'promql.injection.json': JSON_INJECTION,
    'source.yaml': yamlHost,
    'source.json': join(TM_GRAMMARS, 'json.json'),
    'source.json.comments': join(TM_GRAMMARS, 'jsonc.json'),
  };
  return new Registry({
    onigLib: loadOniguruma(),
    loadGrammar: (scopeName) => {
      const file = files[scopeName];
      return Promise.resolve(file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null);
    },
    // What package.json's `injectTo` says.
    getInjections: (scopeName) => {
      if (scopeName === 'source.yaml') return ['promql.injection.yaml'];
      if (scopeName === 'source.json' || scopeName === 'source.json.comments') return ['promql.injection.json'];
      return undefined;
    },
  });
}

const grammars = new Map<string, Promise<IGrammar>>();
export function grammar(scopeName: string, yamlHost: string = YAML_HOSTS['fixture'] as string): Promise<IGrammar> {
  const key = `${scopeName}\0${yamlHost}`;
  let g = grammars.get(key);
  if (!g) {
    g = registry(yamlHost)
      .loadGrammar(scopeName)
      .then((loaded) => {
        if (!loaded) throw new Error(`no grammar for ${scopeName}`);
        return loaded;
      });
    grammars.set(key, g);
  }
  return g;
}

export interface Token {
  line: number;
  text: string;
  scopes: string[];
}

/** Every token of text, line by line. */
export function tokenize(g: IGrammar, text: string): Token[] {
  const out: Token[] = [];
  let state: StateStack = INITIAL;
  text.split('\n').forEach((lineText, line) => {
    const r = g.tokenizeLine(lineText, state);
    for (const t of r.tokens) {
      out.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return out;
}

/** A readable dump of the tokens, for assertion messages. */
export function dump(tokens: readonly Token[]): string {
  return tokens.map((t) => `${t.line}: ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
}

/**
 * The scopes of the token whose text is exactly `text` (the nth such token).
 * Fails with the whole token dump when there is none.
 */
export function scopesOf(tokens: readonly Token[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text === text)[nth];
  if (!found) throw new Error(`no token ${JSON.stringify(text)} (#${nth}) in:\n${dump(tokens)}`);
  return found.scopes;
}

/** The innermost (last) scope of that token. */
export function scopeOf(tokens: readonly Token[], text: string, nth = 0): string {
  const scopes = scopesOf(tokens, text, nth);
  return scopes[scopes.length - 1] as string;
}

/**
 * The tokens that make up the nth occurrence of `text` in the tokenized lines
 * (host grammars may split a word into several tokens).
 */
export function tokensCovering(tokens: readonly Token[], text: string, nth = 0): Token[] {
  const lines = new Map<number, Token[]>();
  for (const t of tokens) lines.set(t.line, [...(lines.get(t.line) ?? []), t]);
  let seen = 0;
  for (const lineTokens of lines.values()) {
    const lineText = lineTokens.map((t) => t.text).join('');
    for (let at = lineText.indexOf(text); at >= 0; at = lineText.indexOf(text, at + 1)) {
      if (seen++ !== nth) continue;
      const out: Token[] = [];
      let offset = 0;
      for (const t of lineTokens) {
        if (offset < at + text.length && offset + t.text.length > at) out.push(t);
        offset += t.text.length;
      }
      return out;
    }
  }
  throw new Error(`no text ${JSON.stringify(text)} (#${nth}) in:\n${dump(tokens)}`);
}
