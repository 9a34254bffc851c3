/** otel/env's messages, in English and Japanese. */
import { messages } from '../l10n';

export const say = messages('otel', {
  en: {
    unknown: (name: string, suggestion: string) => `${name} is not a variable of the OpenTelemetry SDK specification: the SDK ignores it. Did you mean ${suggestion}?`,
    notEnum: (name: string, value: string, values: string, suggestion: string) =>
      `${name}="${value}" is not one of ${values}: the SDK ignores it and uses its default.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    notInList: (name: string, item: string, values: string, suggestion: string) => `${name}: "${item}" is not one of ${values}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    notBool: (name: string, value: string) => `${name}="${value}" is not true or false: the SDK reads anything but "true" as false.`,
    notInt: (name: string, value: string) => `${name}="${value}" is not a whole number (milliseconds, sizes and limits are integers): the SDK ignores it and uses its default.`,
    notUrl: (name: string, value: string) => `${name}="${value}" is not a URL with a scheme: write it as http://host:port (e.g. http://jaeger:4317).`,
    badPair: (name: string, pair: string) =>
      `${name}: "${pair}" is not a key=value pair: the SDK drops the whole variable when one pair is malformed (pairs are separated by commas, values percent-encoded).`,
    notRatio: (name: string, value: string, sampler: string) => `${name}="${value}" is not a ratio in [0, 1], which the ${sampler} sampler needs: the SDK ignores it and samples every trace (1.0).`,
    portProtocol: (name: string, port: number, protocolVariable: string, protocol: string, expected: number) =>
      `${name} uses port ${port}, but ${protocolVariable} is ${protocol}: OTLP ${protocol === 'grpc' ? 'gRPC' : 'HTTP'} is received on ${expected} (4317 gRPC, 4318 HTTP).`,
    ignoredRate: (name: string, shown: string, rate: string, file: string, line: number) =>
      `${name}=${shown} is ignored while ${file} is readable: its trace.sample_rate (line ${line}) is ${rate}, and config.yaml's observability section wins over the OTEL_* variables, which are only a fallback.`,
    ignoredEndpoint: (name: string, value: string, endpoint: string, file: string, line: number) =>
      `${name}=${value} is ignored while ${file} is readable: its trace.endpoint (line ${line}) is "${endpoint}", and config.yaml's observability section wins over the OTEL_* variables, which are only a fallback.`,
    fixRename: (name: string) => `Rename to ${name}`,
    fixValue: (value: string) => `Change to "${value}"`,
  },
  ja: {
    unknown: (name: string, suggestion: string) => `${name} は OpenTelemetry SDK 仕様の環境変数ではないため、SDK は無視します。${suggestion} の誤りではありませんか？`,
    notEnum: (name: string, value: string, values: string, suggestion: string) =>
      `${name}="${value}" は ${values} のいずれでもないため、SDK は無視して既定値を使います。${suggestion ? `"${suggestion}" の誤りではありませんか？` : ''}`,
    notInList: (name: string, item: string, values: string, suggestion: string) =>
      `${name}: "${item}" は ${values} のいずれでもありません。${suggestion ? `"${suggestion}" の誤りではありませんか？` : ''}`,
    notBool: (name: string, value: string) => `${name}="${value}" は true でも false でもありません。SDK は "true" 以外をすべて false として読みます。`,
    notInt: (name: string, value: string) => `${name}="${value}" は整数ではありません（ミリ秒・サイズ・上限は整数です）。SDK は無視して既定値を使います。`,
    notUrl: (name: string, value: string) => `${name}="${value}" はスキーム付きの URL ではありません。http://host:port の形（例: http://jaeger:4317）で書いてください。`,
    badPair: (name: string, pair: string) => `${name}: "${pair}" は key=value の組ではありません。組が 1 つでも不正だと SDK は変数全体を捨てます（組はカンマ区切り、値はパーセントエンコード）。`,
    notRatio: (name: string, value: string, sampler: string) =>
      `${name}="${value}" は ${sampler} サンプラーが必要とする [0, 1] の比率ではありません。SDK は無視してすべてのトレースをサンプリングします（1.0）。`,
    portProtocol: (name: string, port: number, protocolVariable: string, protocol: string, expected: number) =>
      `${name} はポート ${port} ですが、${protocolVariable} は ${protocol} です。OTLP ${protocol === 'grpc' ? 'gRPC' : 'HTTP'} の受信ポートは ${expected} です（gRPC 4317、HTTP 4318）。`,
    ignoredRate: (name: string, shown: string, rate: string, file: string, line: number) =>
      `${file} が読み込める間、${name}=${shown} は無視されます。その trace.sample_rate（${line} 行目）は ${rate} で、config.yaml の observability セクションが優先され、OTEL_* 環境変数はフォールバックにすぎません。`,
    ignoredEndpoint: (name: string, value: string, endpoint: string, file: string, line: number) =>
      `${file} が読み込める間、${name}=${value} は無視されます。その trace.endpoint（${line} 行目）は "${endpoint}" で、config.yaml の observability セクションが優先され、OTEL_* 環境変数はフォールバックにすぎません。`,
    fixRename: (name: string) => `${name} に名前を変更する`,
    fixValue: (value: string) => `"${value}" に変更する`,
  },
});
