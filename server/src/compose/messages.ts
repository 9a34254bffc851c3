/** The compose area's messages (compose/schema, compose/policy), in English and Japanese. */
import { messages } from '../l10n';

export const say = messages('compose', {
  en: {
    portForm: (raw: string) => `Port "${raw}" is not [[IP:]HOST:]CONTAINER[/PROTOCOL] (e.g. "3200:3000", "127.0.0.1:9090:9090", "4317").`,
    portNumber: (raw: string, part: string) => `Port "${raw}": "${part}" is not a port (1-65535) or a range of ports (4317-4318).`,
    portProtocol: (raw: string, part: string) => `Port "${raw}": the protocol "${part}" after "/" must be tcp, udp or sctp.`,
    portSizes: (raw: string) => `Port "${raw}": the host range and the container range differ in size.`,
    portIp: (raw: string, part: string) => `Port "${raw}": "${part}" is not an IP address (IPv6 goes in brackets: "[::1]:9090:9090").`,
    volumeForm: (raw: string) => `Volume "${raw}" is not [SOURCE:]TARGET[:MODE] (e.g. "./infra/docker/prometheus:/etc/prometheus:ro").`,
    volumeRelative: (raw: string, part: string) => `Volume "${raw}": the container path "${part}" must be absolute (start with "/").`,
    volumeMode: (raw: string, part: string) => `Volume "${raw}": "${part}" is not a mount mode (ro, rw, z, Z, cached, delegated, consistent, nocopy).`,
    restart: (value: string) => `restart must be one of no, always, on-failure[:N], unless-stopped; got "${value}".`,
    pullPolicy: (value: string) => `pull_policy must be always, never, missing, build, daily, weekly or every_<duration>; got "${value}".`,
    envEntry: (raw: string) => `environment entry "${raw}" has no variable name before "=".`,
    notCompose: () => 'This compose file has no `services:` mapping, so Compose has nothing to start.',
    missingComponent: (component: string, ports: string) =>
      `The observability profile has no ${component}: the design's local stack (ローカル開発環境デプロイ手順) is Jaeger, Prometheus, Grafana and Loki, ${component} on ${ports}.`,
    notInProfile: (service: string, component: string) =>
      `Service ${service} (${component}) is not in the observability profile: "docker compose --profile observability up -d" would not start it. Add "observability" to its profiles.`,
    wrongHostPort: (service: string, component: string, container: number, expected: number, actual: number) =>
      `${component} (${service}) publishes container port ${container} on host port ${actual}; the design publishes it on ${expected}.`,
    grafana3000: (service: string) => `Grafana (${service}) is published on host port 3000, which the front-end dev server uses; the design maps Grafana to 3200 on the host (3200→3000).`,
    missingPort: (service: string, component: string, container: number, expected: number) =>
      `${component} (${service}) does not publish container port ${container}; the design publishes it on host port ${expected} ("${expected}:${container}").`,
    duplicatePort: (port: number, first: string, line: number) =>
      `Host port ${port} is already published by ${first} (line ${line}): Compose would fail to start the second one with "port is already allocated".`,
    prometheusMount: (service: string, folders: string) =>
      `Prometheus (${service}) does not mount the folder of the workspace's prometheus.yaml (${folders}): its rule_files (/etc/prometheus/…) would not resolve in the container. Mount it, e.g. "./infra/docker/prometheus:/etc/prometheus:ro".`,
    fixHostPort: (port: number) => `Publish on host port ${port}`,
    fixAddProfile: () => 'Add the observability profile',
  },
  ja: {
    portForm: (raw: string) => `ポート "${raw}" が [[IP:]HOST:]CONTAINER[/PROTOCOL] の形ではありません（例: "3200:3000"、"127.0.0.1:9090:9090"、"4317"）。`,
    portNumber: (raw: string, part: string) => `ポート "${raw}": "${part}" はポート番号（1〜65535）でもポート範囲（4317-4318）でもありません。`,
    portProtocol: (raw: string, part: string) => `ポート "${raw}": "/" の後のプロトコル "${part}" は tcp、udp、sctp のいずれかにしてください。`,
    portSizes: (raw: string) => `ポート "${raw}": ホスト側とコンテナ側のポート範囲の大きさが異なります。`,
    portIp: (raw: string, part: string) => `ポート "${raw}": "${part}" は IP アドレスではありません（IPv6 は "[::1]:9090:9090" のように角括弧で囲みます）。`,
    volumeForm: (raw: string) => `ボリューム "${raw}" が [SOURCE:]TARGET[:MODE] の形ではありません（例: "./infra/docker/prometheus:/etc/prometheus:ro"）。`,
    volumeRelative: (raw: string, part: string) => `ボリューム "${raw}": コンテナ側のパス "${part}" は絶対パス（"/" で始まる）にしてください。`,
    volumeMode: (raw: string, part: string) => `ボリューム "${raw}": "${part}" はマウントモード（ro、rw、z、Z、cached、delegated、consistent、nocopy）ではありません。`,
    restart: (value: string) => `restart は no、always、on-failure[:N]、unless-stopped のいずれかです。"${value}" が指定されています。`,
    pullPolicy: (value: string) => `pull_policy は always、never、missing、build、daily、weekly、every_<期間> のいずれかです。"${value}" が指定されています。`,
    envEntry: (raw: string) => `environment の "${raw}" には "=" の前に変数名がありません。`,
    notCompose: () => 'この compose ファイルには `services:` のマッピングがないため、Compose が起動するものがありません。',
    missingComponent: (component: string, ports: string) =>
      `observability プロファイルに ${component} がありません。設計のローカル可観測性スタック（ローカル開発環境デプロイ手順）は Jaeger、Prometheus、Grafana、Loki で、${component} のホストポートは ${ports} です。`,
    notInProfile: (service: string, component: string) =>
      `サービス ${service}（${component}）が observability プロファイルに含まれていません。"docker compose --profile observability up -d" では起動しません。profiles に "observability" を追加してください。`,
    wrongHostPort: (service: string, component: string, container: number, expected: number, actual: number) =>
      `${component}（${service}）はコンテナポート ${container} をホストポート ${actual} で公開しています。設計のホストポートは ${expected} です。`,
    grafana3000: (service: string) =>
      `Grafana（${service}）がホストポート 3000 で公開されています。3000 はフロントエンド開発サーバーが使うため、設計では Grafana をホストポート 3200 にマッピングします（3200→3000、ポート 3200 の理由）。`,
    missingPort: (service: string, component: string, container: number, expected: number) =>
      `${component}（${service}）がコンテナポート ${container} を公開していません。設計ではホストポート ${expected} で公開します（"${expected}:${container}"）。`,
    duplicatePort: (port: number, first: string, line: number) =>
      `ホストポート ${port} は ${first}（${line} 行目）がすでに公開しています。Compose は 2 つ目の起動で "port is already allocated" により失敗します。`,
    prometheusMount: (service: string, folders: string) =>
      `Prometheus（${service}）がワークスペースの prometheus.yaml のフォルダー（${folders}）をマウントしていません。コンテナ内で rule_files（/etc/prometheus/…）が解決できません。例えば "./infra/docker/prometheus:/etc/prometheus:ro" をマウントしてください。`,
    fixHostPort: (port: number) => `ホストポート ${port} で公開する`,
    fixAddProfile: () => 'observability プロファイルを追加する',
  },
});
