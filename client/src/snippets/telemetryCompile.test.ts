/**
 * "Insert telemetry initialization" (and the k1s0-telemetry completion) must
 * leave a file that compiles: each language's result is given to its own
 * tools — Go to `gofmt -e` (syntax, import placement) and `go build` against
 * a stand-in of the k1s0 telemetry library written from the design, TypeScript
 * to `tsc` against a declaration of `@k1s0/telemetry` written from the design,
 * Rust to `rustfmt` (syntax), Dart to a check of our own (no Dart tool on
 * Debian). `npm run setup` installs golang-go and rustfmt; a missing tool
 * fails the test, it does not skip it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandSnippet, parseSnippet } from './snippetSyntax';
import { TELEMETRY_SNIPPET_FILES, fillTelemetrySnippet, telemetrySnippet, type AppSection, type TelemetryLanguage } from './telemetryInit';
import { braceDepth, placeTelemetry } from './telemetryPlan';

const ROOT = join(__dirname, '../../..');

/** The configs the insert is filled from: none, the design's dev one, a staging one whose endpoint lacks its port. */
const APPS: (AppSection | undefined)[] = [
  undefined,
  { path: '/ws/auth/config/config.dev.yaml', name: 'auth-server', version: '1.0.0', tier: 'system', environment: 'dev', traceEndpoint: 'jaeger:4317' },
  { path: '/ws/ledger/config/config.staging.yaml', name: 'ledger-server', tier: 'business', environment: 'staging', traceEndpoint: 'jaeger.observability.svc.cluster.local' },
];

/** The file after the insert at `|`: the import edit applied, the snippet expanded with its defaults, indented like the cursor's line (as the editor does). */
export function inserted(language: TelemetryLanguage, host: string, app: AppSection | undefined): string {
  const snippet = telemetrySnippet(readFileSync(join(ROOT, 'snippets', TELEMETRY_SNIPPET_FILES[language]), 'utf8'));
  let cursor = host.indexOf('|');
  let text = host.replace('|', '');
  const placed = placeTelemetry(language, snippet, fillTelemetrySnippet(language, snippet.body, app), text, cursor);
  if (placed.imports) {
    const { offset, length, text: added } = placed.imports;
    text = text.slice(0, offset) + added + text.slice(offset + length);
    if (offset <= cursor) cursor += added.length - length;
  }
  const indent = /[ \t]*$/.exec(text.slice(0, cursor))?.[0] ?? '';
  const code = expandSnippet(parseSnippet(placed.snippet)).replace(/\n/g, `\n${indent}`);
  return text.slice(0, cursor) + code + text.slice(cursor);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  assert.ok(!result.error, `${command} could not run (${result.error?.message}); npm run setup installs it`);
  return result;
}

const GO_HOSTS = [
  'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\tfmt.Println("start")\n\t|\n\t_ = http.StatusOK\n}\n',
  'package main\n\nimport "context"\n\nfunc run(ctx context.Context) error {\n\t|\n\treturn nil\n}\n\nfunc main() { _ = run(context.Background()) }\n',
  'package main\n\n|\n',
];

const GO_STUB = `package telemetry

import (
\t"context"
\t"net/http"
)

type TelemetryConfig struct {
\tServiceName, Version, Tier, Environment, TraceEndpoint string
\tSampleRate                                             float64
\tLogLevel, LogFormat                                    string
}

type Provider struct{}

func (p *Provider) Shutdown(ctx context.Context) error { return nil }

func InitTelemetry(ctx context.Context, cfg TelemetryConfig) (*Provider, error) { return &Provider{}, nil }

type Metrics struct{}

func NewMetrics(service string) *Metrics { return &Metrics{} }

func MetricsHandler() http.Handler { return http.NotFoundHandler() }
`;
import { newTempDir, removeDir } from '../../../test/support/tempDir';

test('Go: the inserted initialization passes gofmt -e and builds (imports in the import block, nothing unused)', () => {
  const dir = newTempDir('go');
  try {
    mkdirSync(join(dir, 'stub'));
    writeFileSync(join(dir, 'stub/go.mod'), 'module github.com/k1s0-platform/system-library-go-telemetry\n\ngo 1.19\n');
    writeFileSync(join(dir, 'stub/telemetry.go'), GO_STUB);
    writeFileSync(
      join(dir, 'go.mod'),
      'module example.com/app\n\ngo 1.19\n\nrequire github.com/k1s0-platform/system-library-go-telemetry v0.0.0\n\nreplace github.com/k1s0-platform/system-library-go-telemetry => ./stub\n',
    );
    let n = 0;
    for (const host of GO_HOSTS) {
      for (const app of APPS) {
        const text = inserted('go', host, app);
        const file = join(dir, `case${n}`, 'main.go');
        mkdirSync(join(dir, `case${n++}`));
        writeFileSync(file, text);
        const gofmt = run('gofmt', ['-e', file], dir);
        assert.equal(gofmt.status, 0, `gofmt -e:\n${gofmt.stderr}\n${text}`);
        assert.equal((text.match(/^import\b/gm) ?? []).length <= 2, true, text);
        assert.ok(text.indexOf('telemetry "github.com/k1s0-platform/system-library-go-telemetry"') < text.indexOf('func '), `the import is before the code:\n${text}`);
      }
    }
    const build = run('go', ['build', './...'], dir, { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GO111MODULE: 'on', GOWORK: 'off' });
    assert.equal(build.status, 0, `go build:\n${build.stderr}`);
  } finally {
    removeDir(dir);
  }
});

const TS_HOSTS = [
  "import { readFileSync } from 'node:fs';\n\nexport function start(): void {\n  readFileSync('config.yaml');\n  |\n}\n",
  '|',
  "import { Metrics } from '@k1s0/telemetry';\n\nexport const shared = new Metrics('shared');\n|\n",
];

const TS_DECLARATION = `declare module '@k1s0/telemetry' {
  export interface TelemetryConfig {
    serviceName: string;
    version: string;
    tier: 'system' | 'business' | 'service';
    environment: 'dev' | 'staging' | 'prod';
    traceEndpoint?: string;
    sampleRate: number;
    logLevel: 'debug' | 'info' | 'warn' | 'error';
    logFormat: 'text' | 'json';
  }
  export function initTelemetry(config: TelemetryConfig): void;
  export class Metrics {
    constructor(serviceName: string);
    getMetrics(): string;
  }
}
`;

test('TypeScript: the inserted initialization type-checks with tsc (one import, merged with an existing one)', () => {
  const dir = newTempDir('ts');
  try {
    writeFileSync(join(dir, 'k1s0-telemetry.d.ts'), TS_DECLARATION);
    const files: string[] = ['k1s0-telemetry.d.ts'];
    let n = 0;
    for (const host of TS_HOSTS) {
      for (const app of APPS) {
        const text = inserted('typescript', host, app);
        assert.equal((text.match(/from '@k1s0\/telemetry'/g) ?? []).length, 1, text);
        const name = `case${n++}.ts`;
        writeFileSync(join(dir, name), `${text}\nexport {};\n`);
        files.push(name);
      }
    }
    const tsconfig = {
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'commonjs', types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], skipLibCheck: true },
      files,
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/lib/tsc.js'), '-p', dir], dir);
    assert.equal(tsc.status, 0, `tsc:\n${tsc.stdout}${tsc.stderr}`);
  } finally {
    removeDir(dir);
  }
});

const RUST_HOSTS = ['use std::env;\n\nfn main() -> Result<(), Box<dyn std::error::Error>> {\n    let _ = env::args();\n    |\n    Ok(())\n}\n', 'fn setup() {\n    |\n}\n', '|'];

test('Rust: the inserted initialization parses (rustfmt); use declarations at the top, ? only where a Result is returned', () => {
  const dir = newTempDir('rs');
  try {
    let n = 0;
    for (const host of RUST_HOSTS) {
      for (const app of APPS) {
        const text = inserted('rust', host, app);
        const file = join(dir, `case${n++}.rs`);
        writeFileSync(file, text);
        const rustfmt = run('rustfmt', ['--edition', '2021', '--emit', 'stdout', file], dir);
        assert.equal(rustfmt.status, 0, `rustfmt:\n${rustfmt.stderr}\n${text}`);
        const use = text.indexOf('use k1s0_telemetry::');
        assert.ok(use >= 0 && braceDepth(text.slice(0, use)) === 0 && use < text.indexOf('fn '), `use at the top level:\n${text}`);
        if (host.startsWith('fn setup() {')) assert.match(text, /init_telemetry\(&cfg\)\.expect\(/);
      }
    }
  } finally {
    removeDir(dir);
  }
});

test('Dart: the import is at the top, the statements inside a function', () => {
  for (const host of ["import 'dart:io';\n\nvoid main() {\n  print('start');\n  |\n}\n", '|']) {
    for (const app of APPS) {
      const text = inserted('dart', host, app);
      const importAt = text.indexOf("import 'package:k1s0_telemetry/telemetry.dart';");
      assert.ok(importAt >= 0 && braceDepth(text.slice(0, importAt)) === 0, text);
      assert.ok(!/\S[^\n]*\n[^\n]*import 'package:k1s0/.test(text.slice(0, importAt).replace(/^import[^\n]*\n/gm, '')), `only imports before it:\n${text}`);
      const call = text.indexOf('initTelemetry(config);');
      assert.ok(braceDepth(text.slice(0, call)) > 0, `the call is inside a function:\n${text}`);
      assert.equal(braceDepth(text), 0, 'braces balance');
    }
  }
});

test("the inserted values: a config's endpoint without its port is replaced by the design's default, said in a comment; comments match the environment", () => {
  const staging = APPS[2];
  const go = inserted('go', GO_HOSTS[0] ?? '', staging);
  assert.match(
    go,
    /TraceEndpoint: "jaeger\.observability\.svc\.cluster\.local:4317",\s*\/\/ the design's staging default: config\.staging\.yaml has trace\.endpoint "jaeger\.observability\.svc\.cluster\.local" without its port/,
  );
  assert.match(go, /LogFormat:\s+"json",\s*\/\/ staging: json/);
  assert.doesNotMatch(go, /dev 環境/);
  const dev = inserted('go', GO_HOSTS[0] ?? '', APPS[1]);
  assert.match(dev, /LogFormat:\s+"text",\s*\/\/ dev 環境では可読性を優先し text フォーマット/);
  assert.match(dev, /TraceEndpoint: "jaeger:4317",\s*\/\/ OTLP gRPC/);
  // The imports: once, in the block; net/http is used (the /metrics handler).
  assert.match(go, /import \(\n\t"fmt"\n\t"net\/http"\n\t"context"\n\t"log"\n\ttelemetry "github\.com\/k1s0-platform\/system-library-go-telemetry"\n\)/);
  const rust = inserted('rust', RUST_HOSTS[0] ?? '', staging);
  assert.match(rust, /trace_endpoint: Some\("http:\/\/jaeger\.observability\.svc\.cluster\.local:4317"\.into\(\)\),\s*\/\/ the design's staging default/);
  assert.match(rust, /log_format: "json"\.into\(\),\s*\/\/ staging: json/);
});
