/** What the collector checks say, in English and Japanese (the design's words: テールベースサンプリング, パイプライン). */
import { messages } from '../l10n';

const mean = (suggestion?: string): string => (suggestion ? ` Did you mean "${suggestion}"?` : '');
const meanJa = (suggestion?: string): string => (suggestion ? `"${suggestion}" のことですか？` : '');

const KIND_JA: Record<string, string> = { receiver: 'レシーバー', processor: 'プロセッサー', exporter: 'エクスポーター', connector: 'コネクター', extension: '拡張' };
/** A component kind in Japanese (`receiver` → レシーバー). */
export const kindJa = (kind: string): string => KIND_JA[kind] ?? kind;

export const say = messages('otelcol', {
  en: {
    unknownType: (p: { kind: string; type: string; suggestion?: string }) => `Unknown ${p.kind} type "${p.type}": no collector distribution (core, contrib, k8s) ships it.${mean(p.suggestion)}`,
    wrongSection: (p: { type: string; kind: string; kinds: readonly string[] }) => `"${p.type}" is no ${p.kind.slice(0, -1)}: it is one of the ${p.kinds.join(' and ')}; move it there.`,
    removed: (p: { kind: string; type: string; version: string; instead: string }) => `The ${p.kind} "${p.type}" was removed from the collector in ${p.version}: ${p.instead}.`,
    badId: (p: { id: string }) => `"${p.id}" is not a component ID: write type[/name] (the type a letter, then letters, digits or _; the name not empty).`,
    envBare: (p: { name: string }) => `$${p.name} is left as it is: the collector expands only \${env:${p.name}} (or \${${p.name}}); write $$ for a literal $.`,
    envBad: (p: { text: string }) => `"${p.text}" is not a substitution the collector reads: write \${env:NAME}, \${env:NAME:-default} or \${NAME}.`,
    envScheme: (p: { scheme: string; suggestion?: string }) => `Unknown provider "${p.scheme}" in a substitution: the collector has env, file, http, https and yaml.${mean(p.suggestion)}`,
    envFix: (p: { name: string }) => `Write \${env:${p.name}}`,
    renameFix: (p: { to: string }) => `Change to "${p.to}"`,
    policyNeeds: (p: { name: string; type: string; keys: readonly string[] }) =>
      `${p.name ? `Policy "${p.name}" of type ${p.type}` : `A policy of type ${p.type} without a name`} decides nothing without ${p.keys.map((key) => `${p.type}.${key}`).join(' or ')}.`,
    policyIgnored: (p: { name: string; type: string; key: string }) => `${p.name ? `Policy "${p.name}"` : 'A policy without a name'} is of type ${p.type}: its "${p.key}" settings are not read.`,
    policyDuplicate: (p: { name: string }) => `Policy name "${p.name}" is used twice in one list: tail_sampling refuses duplicate names.`,
    policyUnknownName: (p: { name: string; known: string }) => `"${p.name}" names no composite_sub_policy (${p.known || 'none has a name'}).`,
    batchMax: (p: { max: string; size: string }) => `send_batch_max_size (${p.max}) is smaller than send_batch_size (${p.size}): the collector refuses it.`,
    memoryLimit: () => 'memory_limiter needs limit_mib or limit_percentage: the collector refuses to start without one.',
    spikeLimit: (p: { spike: string; limit: string; unit: string }) => `spike_limit_${p.unit} (${p.spike}) must be smaller than limit_${p.unit} (${p.limit}).`,
    badSignal: (p: { id: string; suggestion?: string }) => `Pipeline "${p.id}": the part before "/" must be traces, metrics or logs.${mean(p.suggestion)}`,
    undefinedRef: (p: { kind: string; id: string; sections: readonly string[]; suggestion?: string }) =>
      `${kindWord(p.kind, true)} "${p.id}" is not defined in ${p.sections.join(' or ')}.${mean(p.suggestion)}`,
    duplicateRef: (p: { id: string; list: string }) => `"${p.id}" is named twice in ${p.list}: the collector refuses it.`,
    unused: (p: { kind: string; id: string }) => `The ${p.kind} "${p.id}" is defined but no pipeline uses it: the collector does not start it.`,
    unusedExtension: (p: { id: string }) => `The extension "${p.id}" is defined but service.extensions does not name it: the collector does not start it.`,
    noComponent: (p: { id: string; role: string }) => `Pipeline "${p.id}" has no ${p.role}: a pipeline needs at least one.`,
    signal: (p: { kind: string; id: string; type: string; signal: string; supported: string }) => `The ${p.kind} "${p.id}" (${p.type}) does not handle ${p.signal}: it handles ${p.supported}.`,
    connectorOneSide: (p: { id: string; used: string; missing: string }) => `Connector "${p.id}" is a pipeline's ${p.used} but no pipeline's ${p.missing}: a connector joins two pipelines.`,
    connectorPair: (p: { id: string; type: string; from: string; to: string; pairs: string }) => `Connector "${p.id}" cannot take ${p.from} to ${p.to}: the ${p.type} connector joins ${p.pairs}.`,
    cycle: (p: { id: string; path: string }) => `Connector "${p.id}" closes a cycle of pipelines: ${p.path}.`,
    orderMemoryLimiter: (p: { id: string }) => `memory_limiter should be the first processor of "${p.id}" (the collector's documentation): the processors before it run before memory is checked.`,
    orderBatch: (p: { sampler: string }) => `batch should come after ${p.sampler}: the collector's documentation places batch after sampling, so that batches hold only the data kept.`,
    orderContext: (p: { processor: string; sampler: string }) =>
      `${p.processor} should come before ${p.sampler}: tail_sampling reassembles spans into new batches, losing the context ${p.processor} reads.`,
    noTailSampling: (p: { id: string; percent: string }) =>
      `The prod traces pipeline "${p.id}" has no tail_sampling: the design keeps every error trace and ${p.percent}% of the rest (トレースサンプリング戦略: prod is tail-based).`,
    noErrorPolicy: (p: { percent: string }) => `No status_code policy keeps ERROR traces: the design's prod sampling keeps every error trace, and ${p.percent}% of the rest.`,
    noProbabilistic: (p: { percent: string; source: string }) => `No probabilistic policy samples the rest: the design samples ${p.percent}% of prod traces (${p.source}).`,
    wrongPercentage: (p: { got: string; percent: string; source: string }) => `sampling_percentage ${p.got} is not the prod sample rate: ${p.source} says ${p.percent}%.`,
    sourceDesign: () => "the design's prod sample_rate 0.1",
    sourceConfig: (p: { file: string; rate: string }) => `sample_rate ${p.rate} of ${p.file}`,
    receiverPort: (p: { protocol: string; port: string; expected: string; source: string }) =>
      `The otlp receiver's ${p.protocol} endpoint listens on ${p.port}: services send OTLP ${p.protocol} to port ${p.expected} (${p.source}).`,
    noGrpcReceiver: (p: { port: string; source: string }) => `No otlp receiver listens for gRPC: services send OTLP to port ${p.port} (${p.source}).`,
    sourcePorts: () => "the design's OTEL_EXPORTER_OTLP_ENDPOINT, 4317 gRPC / 4318 HTTP",
    sourceEndpoint: (p: { file: string; endpoint: string }) => `trace.endpoint ${p.endpoint} of ${p.file}`,
    sourceVariable: (p: { file: string; variable: string; endpoint: string }) => `${p.variable} ${p.endpoint} of ${p.file}`,
    jaegerPort: (p: { id: string; port: string; expected: string }) => `Exporter "${p.id}" sends to Jaeger on port ${p.port}: Jaeger takes OTLP on ${p.expected} (the design's "Jaeger OTLP").`,
  },
  ja: {
    unknownType: (p) => `${kindJa(p.kind)}の種類 "${p.type}" はどの Collector ディストリビューション（core, contrib, k8s）にもありません。${meanJa(p.suggestion)}`,
    wrongSection: (p) => `"${p.type}" は${kindJa(p.kind.slice(0, -1))}ではなく ${p.kinds.join('・')} のコンポーネントです。そちらに移してください。`,
    removed: (p) => `${kindJa(p.kind)} "${p.type}" は Collector ${p.version} で削除されました: ${p.instead}。`,
    badId: (p) => `"${p.id}" はコンポーネント ID ではありません。type[/name] と書いてください（type は英字で始まり英数字と _、name は空にしない）。`,
    envBare: (p) => `$${p.name} は展開されずそのまま残ります。Collector が展開するのは \${env:${p.name}}（または \${${p.name}}）だけです。$ そのものは $$ と書きます。`,
    envBad: (p) => `"${p.text}" は Collector が読める置換ではありません。\${env:NAME}、\${env:NAME:-default}、\${NAME} のいずれかで書いてください。`,
    envScheme: (p) => `置換のプロバイダ "${p.scheme}" はありません。Collector にあるのは env, file, http, https, yaml です。${meanJa(p.suggestion)}`,
    envFix: (p) => `\${env:${p.name}} と書く`,
    renameFix: (p) => `"${p.to}" に変更`,
    policyNeeds: (p) => `${p.name ? `ポリシー "${p.name}"` : '名前のないポリシー'}（${p.type}）は ${p.keys.map((key) => `${p.type}.${key}`).join(' または ')} がないと何も判定しません。`,
    policyIgnored: (p) => `${p.name ? `ポリシー "${p.name}" ` : '名前のないポリシー'}の type は ${p.type} です。"${p.key}" の設定は読まれません。`,
    policyDuplicate: (p) => `ポリシー名 "${p.name}" が同じリストで 2 回使われています。tail_sampling は重複した名前を受け付けません。`,
    policyUnknownName: (p) => `"${p.name}" という composite_sub_policy はありません（${p.known || '名前のあるものがありません'}）。`,
    batchMax: (p) => `send_batch_max_size（${p.max}）が send_batch_size（${p.size}）より小さいため、Collector が起動しません。`,
    memoryLimit: () => 'memory_limiter には limit_mib か limit_percentage が必要です。どちらもないと Collector が起動しません。',
    spikeLimit: (p) => `spike_limit_${p.unit}（${p.spike}）は limit_${p.unit}（${p.limit}）より小さくしてください。`,
    badSignal: (p) => `パイプライン "${p.id}": "/" の前は traces, metrics, logs のいずれかです。${meanJa(p.suggestion)}`,
    undefinedRef: (p) => `${kindJa(p.kind)} "${p.id}" は ${p.sections.join(' にも ')} にも定義されていません。${meanJa(p.suggestion)}`,
    duplicateRef: (p) => `"${p.id}" が ${p.list} に 2 回書かれています。Collector は受け付けません。`,
    unused: (p) => `${kindJa(p.kind)} "${p.id}" は定義されていますが、どのパイプラインも使っていないため起動されません。`,
    unusedExtension: (p) => `拡張 "${p.id}" は定義されていますが、service.extensions にないため起動されません。`,
    noComponent: (p) => `パイプライン "${p.id}" に ${p.role} がありません。パイプラインには 1 つ以上必要です。`,
    signal: (p) => `${kindJa(p.kind)} "${p.id}"（${p.type}）は ${p.signal} を扱えません。扱えるのは ${p.supported} です。`,
    connectorOneSide: (p) => `コネクター "${p.id}" はパイプラインの ${p.used} に使われていますが、どのパイプラインの ${p.missing} にもありません。コネクターは 2 つのパイプラインをつなぎます。`,
    connectorPair: (p) => `コネクター "${p.id}" は ${p.from} を ${p.to} につなげません。${p.type} コネクターがつなぐのは ${p.pairs} です。`,
    cycle: (p) => `コネクター "${p.id}" でパイプラインが循環しています: ${p.path}。`,
    orderMemoryLimiter: (p) => `memory_limiter は "${p.id}" の最初のプロセッサーにしてください（Collector のドキュメント）。前にあるプロセッサーはメモリ確認の前に動きます。`,
    orderBatch: (p) => `batch は ${p.sampler} の後に置いてください。Collector のドキュメントは、残すデータだけをバッチにするため batch をサンプリングの後に置くとしています。`,
    orderContext: (p) => `${p.processor} は ${p.sampler} の前に置いてください。tail_sampling はスパンを新しいバッチに組み直すため、${p.processor} が読むコンテキストが失われます。`,
    noTailSampling: (p) =>
      `prod のトレースパイプライン "${p.id}" に tail_sampling がありません。設計ではエラートレースをすべて保持し、残りを ${p.percent}% サンプリングします（トレースサンプリング戦略: prod はテールベース）。`,
    noErrorPolicy: (p) => `ERROR のトレースを保持する status_code ポリシーがありません。設計の prod サンプリングはエラートレースをすべて保持し、残りを ${p.percent}% とします。`,
    noProbabilistic: (p) => `残りをサンプリングする probabilistic ポリシーがありません。設計では prod のトレースを ${p.percent}% サンプリングします（${p.source}）。`,
    wrongPercentage: (p) => `sampling_percentage ${p.got} が prod のサンプリング率と違います。${p.source} は ${p.percent}% です。`,
    sourceDesign: () => '設計の prod sample_rate 0.1',
    sourceConfig: (p) => `${p.file} の sample_rate ${p.rate}`,
    receiverPort: (p) => `otlp レシーバーの ${p.protocol} エンドポイントは ${p.port} で待ち受けています。サービスは OTLP ${p.protocol} を ${p.expected} 番ポートに送ります（${p.source}）。`,
    noGrpcReceiver: (p) => `gRPC を待ち受ける otlp レシーバーがありません。サービスは OTLP を ${p.port} 番ポートに送ります（${p.source}）。`,
    sourcePorts: () => '設計の OTEL_EXPORTER_OTLP_ENDPOINT、gRPC 4317 / HTTP 4318',
    sourceEndpoint: (p) => `${p.file} の trace.endpoint ${p.endpoint}`,
    sourceVariable: (p) => `${p.file} の ${p.variable} ${p.endpoint}`,
    jaegerPort: (p) => `エクスポーター "${p.id}" は Jaeger の ${p.port} 番ポートに送っています。Jaeger が OTLP を受けるのは ${p.expected} です（設計の「Jaeger OTLP」）。`,
  },
});

/** A component kind as English messages name it, capitalized at the start of a sentence. */
export function kindWord(kind: string, capital = false): string {
  return capital ? kind.charAt(0).toUpperCase() + kind.slice(1) : kind;
}
