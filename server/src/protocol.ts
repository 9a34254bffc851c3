/**
 * What the client and the server say to each other beyond standard LSP.
 * Both sides import this module; nothing here is declared twice.
 */
import { NotificationType, NotificationType0, RequestType } from 'vscode-languageserver-protocol';
import type { SloTree } from './base/sloTree';
import type { EnvironmentReason } from './base/environment';
/**
 * Node flags the server runs with (the client launches it so; tests and benchmarks too).
 * A small young generation and a 1 GB heap ceiling make V8 collect sooner: opening a
 * 5 MB rule file peaks under 190 MB instead of ~260 MB, typing latency within the goal
 * (bench/CHANGES.md). The live heap of a 5 MB file is ~80 MB, so the ceiling leaves room.
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=2', '--max-old-space-size=1024'];

export const LANGUAGE_CLIENT_ID = 'k1s0';
export const LANGUAGE_CLIENT_NAME = 'k1s0 Observability';

export const Commands = {
  restartServer: 'k1s0.restartServer',
  showOutput: 'k1s0.showOutput',
  insertTelemetryInit: 'k1s0.insertTelemetryInit',
  refreshSloTree: 'k1s0.slo.refresh',
  /** The tree's missing-alert node: (home: SloLocation, withFix: boolean). */
  openMissingAlert: 'k1s0.slo.openMissingAlert',
  startStack: 'k1s0.stack.start',
  stopStack: 'k1s0.stack.stop',
  showStackStatus: 'k1s0.stack.status',
  createStackFiles: 'k1s0.stack.createFiles',
  openGrafana: 'k1s0.stack.openGrafana',
  openPrometheus: 'k1s0.stack.openPrometheus',
  openJaeger: 'k1s0.stack.openJaeger',
  runQuery: 'k1s0.query.run',
  openQueryInPrometheus: 'k1s0.query.openInPrometheus',
  openQueryInGrafana: 'k1s0.query.openInGrafana',
} as const;

/** The argument of the query CodeLens commands (server → client, in `Command.arguments[0]`). */
export interface QueryLensArguments {
  /** The query as Prometheus should receive it (Grafana variables filled). */
  query: string;
  /** The document it comes from, and the 0-based line of its `expr`. */
  uri: string;
  line: number;
  /** The Grafana datasource uid or name a dashboard target names, when it names a concrete one. */
  datasource?: string;
}

/** The tier and SLO tree view (in its own view container). */
export const SLO_VIEW_CONTAINER = 'k1s0';
export const SLO_VIEW = 'k1s0.sloTree';

/** Files the server watches on disk, open or not. */
export const WATCHED_FILES_GLOB = '**/*.{yaml,yml,json}';

/* ---- k1s0 extensions to LSP (rust-analyzer's lsp_ext.ts style) ---- */

export type { SloAlert, SloDashboard, SloLocation, SloService, SloTier, SloTree } from './base/sloTree';

/** No parameters today; an object so that fields can be added without breaking clients. */
export type SloTreeParams = Record<string, never>;

/** The tier and SLO tree of everything the server has indexed (client → server). */
export const SloTreeRequest = new RequestType<SloTreeParams, SloTree, void>('k1s0/sloTree');

/** What the workspace defines changed, so the SLO tree may have (server → client; no payload). */
export const SloTreeChangedNotification = new NotificationType0('k1s0/sloTreeChanged');

/* ---- the language status item ---- */

export type { EnvironmentReason } from './base/environment';

/** The document the editor shows, if any (its environment is reported when it is a config file). */
export interface StatusParams {
  uri?: string;
}

/** What the language status item says (client → server, on editor and diagnostics changes). */
export interface K1s0Status {
  /** Workspace files and open documents the server checks. */
  checkedFiles: number;
  problems: { errors: number; warnings: number; others: number };
  /** When `uri` is a config file: the environment it is judged as and why. */
  environment?: EnvironmentReason;
  /** The catalog in use: the built-in k1s0 catalog and the workspace's catalog files (URIs). */
  catalog: { files: string[] };
}

export const StatusRequest = new RequestType<StatusParams, K1s0Status, void>('k1s0/status');

/* ---- workspace trust ---- */

/**
 * Settings a workspace may not set while it is untrusted (Restricted Mode): each can make the
 * extension send a request to a host or read a file of the workspace's choosing, or run a program.
 * The manifest's `capabilities.untrustedWorkspaces.restrictedConfigurations` is this list
 * (test/package/restricted.test.ts holds the two together).
 */
export const RESTRICTED_SETTINGS = [
  'k1s0.prometheus.url',
  'k1s0.catalog.files',
  'k1s0.stack.dockerPath',
  'k1s0.stack.composeFile',
  'k1s0.stack.host',
  'k1s0.stack.ports.prometheus',
  'k1s0.stack.ports.grafana',
  'k1s0.stack.ports.loki',
  'k1s0.stack.ports.jaeger',
] as const;

/**
 * The restricted settings the language server reads. A merged `workspace/configuration` answer does
 * not say where a value came from, so the client sends their user-level values beside the trust state.
 */
export const SERVER_RESTRICTED_SETTINGS = ['k1s0.prometheus.url', 'k1s0.catalog.files'] as const;

export type ServerRestrictedSetting = (typeof SERVER_RESTRICTED_SETTINGS)[number];

/**
 * Whether the workspace is trusted, with the user-level (global) values of SERVER_RESTRICTED_SETTINGS
 * (VS Code's `inspect(key).globalValue`; a key absent or undefined: the user did not set it). Sent in
 * `initializationOptions.trust` and in TrustNotification.
 */
export interface TrustParams {
  trusted: boolean;
  userValues: Partial<Record<ServerRestrictedSetting, unknown>>;
}

/**
 * The trust state changed (the user granted trust), or, while untrusted, a user-level value of a
 * restricted setting did (client → server). The server reads its settings again, indexes, fetches
 * the live Prometheus and publishes again.
 */
export const TrustNotification = new NotificationType<TrustParams>('k1s0/trust');
