/**
 * The `k1s0.stack.*` settings: read by the client only (the language server
 * never sees them), so they live here and not in server/src/base/settings.ts.
 * The manifest carries the same defaults; server/src/base/settings.test.ts
 * holds the two together.
 */

export interface StackSettings {
  /** The compose file, relative to the workspace folder (or absolute). */
  composeFile: string;
  /** Also start `--profile infra` (the design's "インフラ + 可観測性スタック"). */
  includeInfra: boolean;
  /** The docker executable (restricted in untrusted workspaces). */
  dockerPath: string;
  /** Host the stack's ports are published on. */
  host: string;
  ports: { prometheus: number; grafana: number; loki: number; jaeger: number };
  /** How long to wait for the components to become healthy after `up -d`, in seconds. */
  healthTimeoutSeconds: number;
}

/** The design's ports (コンポーネントとポート一覧). */
export const DEFAULT_STACK_SETTINGS: StackSettings = {
  composeFile: 'docker-compose.yaml',
  includeInfra: false,
  dockerPath: 'docker',
  host: 'localhost',
  ports: { prometheus: 9090, grafana: 3200, loki: 3100, jaeger: 16686 },
  healthTimeoutSeconds: 120,
};

/** The settings as `k1s0.stack.*` manifest keys with their defaults. */
export function stackSettingDefaults(): Record<string, unknown> {
  const d = DEFAULT_STACK_SETTINGS;
  return {
    'k1s0.stack.composeFile': d.composeFile,
    'k1s0.stack.includeInfra': d.includeInfra,
    'k1s0.stack.dockerPath': d.dockerPath,
    'k1s0.stack.host': d.host,
    'k1s0.stack.ports.prometheus': d.ports.prometheus,
    'k1s0.stack.ports.grafana': d.ports.grafana,
    'k1s0.stack.ports.loki': d.ports.loki,
    'k1s0.stack.ports.jaeger': d.ports.jaeger,
    'k1s0.stack.healthTimeoutSeconds': d.healthTimeoutSeconds,
  };
}

/** Reads the settings from a getter (vscode's WorkspaceConfiguration.get), each wrong value replaced by its default. */
export function readStackSettings(get: (key: string) => unknown): StackSettings {
  const d = DEFAULT_STACK_SETTINGS;
  const text = (key: string, fallback: string): string => {
    const v = get(key);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback;
  };
  const port = (key: string, fallback: number): number => {
    const v = get(key);
    return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 65536 ? v : fallback;
  };
  const seconds = get('healthTimeoutSeconds');
  return {
    composeFile: text('composeFile', d.composeFile),
    includeInfra: get('includeInfra') === true,
    dockerPath: text('dockerPath', d.dockerPath),
    host: text('host', d.host),
    ports: {
      prometheus: port('ports.prometheus', d.ports.prometheus),
      grafana: port('ports.grafana', d.ports.grafana),
      loki: port('ports.loki', d.ports.loki),
      jaeger: port('ports.jaeger', d.ports.jaeger),
    },
    healthTimeoutSeconds: typeof seconds === 'number' && seconds > 0 && seconds <= 3600 ? seconds : d.healthTimeoutSeconds,
  };
}
