/**
 * `docker compose` for the local observability stack, without the editor:
 * the argument arrays, the checks before starting (docker executable,
 * compose plugin, compose file, engine, free ports) and the classification
 * of failures into messages that say what to do. Processes are spawned
 * without a shell, from argument arrays. No vscode import.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { componentOf, OBSERVABILITY_PROFILE, publishedPorts, readComposeText } from '../../../server/src/base/compose';
import type { StackComponent } from './health';
import type { StackSettings } from './settings';
import { l10n } from '../l10n';

export type StackProblemKind = 'no-docker' | 'no-compose' | 'no-compose-file' | 'engine-down' | 'port-taken' | 'failed';

export interface StackProblem {
  kind: StackProblemKind;
  message: string;
}

export function composeFilePath(root: string, settings: StackSettings): string {
  return isAbsolute(settings.composeFile) ? settings.composeFile : join(root, settings.composeFile);
}

/** `compose -f FILE [--profile infra] --profile observability` */
function composeBase(root: string, settings: StackSettings): string[] {
  return ['compose', '-f', composeFilePath(root, settings), ...(settings.includeInfra ? ['--profile', 'infra'] : []), '--profile', 'observability'];
}

/** The design's start command: `docker compose [--profile infra] --profile observability up -d`. */
export function upArgs(root: string, settings: StackSettings): string[] {
  return [...composeBase(root, settings), 'up', '-d'];
}

export function stopArgs(root: string, settings: StackSettings): string[] {
  return [...composeBase(root, settings), 'stop'];
}

/** The last lines of the logs of the named services (all when none is named). */
export function logsArgs(root: string, settings: StackSettings, services: readonly string[] = []): string[] {
  return [...composeBase(root, settings), 'logs', '--tail', '200', ...services];
}

export function psArgs(root: string, settings: StackSettings): string[] {
  return [...composeBase(root, settings), 'ps', '--format', 'json'];
}

export interface RunResult {
  /** The exit code; undefined when the process could not start (then `error` says why). */
  code: number | undefined;
  output: string;
  error?: NodeJS.ErrnoException;
}

export interface RunOptions {
  cwd: string;
  onOutput?: (chunk: string) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** Runs an executable with an argument array, no shell; never throws. */
export function run(executable: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const finish = (result: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(executable, [...args], {
        cwd: options.cwd,
        shell: false,
        env: options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      finish({ code: undefined, output, error: error as NodeJS.ErrnoException });
      return;
    }
    const onData = (data: Buffer): void => {
      const text = data.toString();
      output += text;
      options.onOutput?.(text);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (error: NodeJS.ErrnoException) => finish({ code: undefined, output, error }));
    child.on('close', (code) => finish({ code: code ?? 1, output }));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      finish({ code: undefined, output, error: Object.assign(new Error(`${executable} did not finish within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' }) });
    }, options.timeoutMs ?? 600_000);
  });
}

/** Whether a TCP port can be bound on the host (nobody listens on it). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * What stands in the way of `up -d`, checked in the order a user would fix
 * it; undefined when nothing does. `running` names the components whose
 * health URL already answers (the stack is up: their ports are taken by it).
 */
export async function preflight(
  root: string,
  settings: StackSettings,
  components: readonly StackComponent[],
  running: ReadonlySet<string>,
  env?: NodeJS.ProcessEnv,
): Promise<StackProblem | undefined> {
  const docker = settings.dockerPath;
  const opts = { cwd: root, timeoutMs: 30_000, ...(env ? { env } : {}) };
  const version = await run(docker, ['--version'], opts);
  if (version.code === undefined || version.code !== 0) {
    return {
      kind: 'no-docker',
      message:
        version.error?.code === 'ENOENT'
          ? l10n('The docker executable "{0}" was not found. Install Docker (with the compose plugin), or set k1s0.stack.dockerPath to its path.', docker)
          : l10n(
              'The docker executable "{0}" did not run ({1}). Install Docker (with the compose plugin), or set k1s0.stack.dockerPath to its path.',
              docker,
              version.error?.message ?? version.output.trim(),
            ),
    };
  }
  const compose = await run(docker, ['compose', 'version'], opts);
  if (compose.code !== 0) {
    return {
      kind: 'no-compose',
      message: l10n(
        '"{0} compose" is not available: {1}. Install the Docker Compose plugin (docker-compose-plugin), then start the stack again.',
        docker,
        firstLine(compose.output) || l10n('the compose plugin is missing'),
      ),
    };
  }
  const file = composeFilePath(root, settings);
  if (!existsSync(file)) {
    return {
      kind: 'no-compose-file',
      message: l10n('No compose file at {0}. Run "k1s0: Create observability stack files" to write one with the design\'s observability profile, or set k1s0.stack.composeFile.', file),
    };
  }
  const info = await run(docker, ['info', '--format', '{{.ServerVersion}}'], opts);
  if (info.code !== 0) {
    return {
      kind: 'engine-down',
      message: l10n(
        'The Docker engine is not running ({0}). Start Docker (Docker Desktop, or "sudo systemctl start docker"), then start the stack again.',
        firstLine(info.output) || l10n('docker info failed'),
      ),
    };
  }
  const published = publishedHostPorts(file, settings);
  if (published) {
    for (const { port, service, component } of published) {
      if (component !== undefined && running.has(component)) continue;
      if (!(await portIsFree(port))) {
        return {
          kind: 'port-taken',
          message: component
            ? l10n('Port {0} ({1}) is already taken by another process. Stop that process, or change the port mapping of {1} in the compose file and k1s0.stack.ports.{2}.', port, service, component)
            : l10n('Port {0} ({1}) is already taken by another process. Stop that process, or change the port mapping of {1} in the compose file.', port, service),
        };
      }
    }
    return undefined;
  }
  for (const component of components) {
    if (running.has(component.id)) continue;
    if (!(await portIsFree(component.port))) {
      return {
        kind: 'port-taken',
        message: l10n(
          "Port {0} ({1}) is already taken by another process. Stop that process, or change k1s0.stack.ports.{2} and the compose file's port mapping.",
          component.port,
          component.name,
          component.id,
        ),
      };
    }
  }
  return undefined;
}

/**
 * The host ports `up -d` would bind, read from the compose file with the
 * reader the language server checks it with (server/src/base/compose.ts):
 * those of the services the profiles start (and of services with no profile).
 * Undefined when the file cannot be read or starts nothing of the stack: the
 * settings' ports are checked instead.
 */
export function publishedHostPorts(file: string, settings: StackSettings): { port: number; service: string; component?: string }[] | undefined {
  let model;
  try {
    model = readComposeText(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const profiles = new Set([OBSERVABILITY_PROFILE, ...(settings.includeInfra ? ['infra'] : [])]);
  const started = (model?.services ?? []).filter((service) => service.profiles.length === 0 || service.profiles.some((profile) => profiles.has(profile)));
  if (!started.some((service) => service.profiles.includes(OBSERVABILITY_PROFILE))) return undefined;
  return started.flatMap((service) => {
    const component = componentOf(service)?.id;
    return publishedPorts(service).map((port) => ({ port, service: service.name, ...(component ? { component } : {}) }));
  });
}

/** A failed compose run, as a message that says what to do. */
export function classifyFailure(result: RunResult, executable: string): StackProblem {
  if (result.error?.code === 'ENOENT') return { kind: 'no-docker', message: l10n('The docker executable "{0}" was not found. Install Docker, or set k1s0.stack.dockerPath.', executable) };
  const output = result.output;
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i.test(output)) {
    return { kind: 'engine-down', message: l10n('The Docker engine is not running. Start Docker, then start the stack again.') };
  }
  if (/'compose' is not a docker command|unknown command "compose"|docker: unknown command/i.test(output)) {
    return { kind: 'no-compose', message: l10n('The Docker Compose plugin is missing. Install it (docker-compose-plugin), then start the stack again.') };
  }
  const port = /(?:port is already allocated|address already in use)/i.test(output) ? (/(?:0\.0\.0\.0|\[::\]|127\.0\.0\.1):(\d+)/.exec(output)?.[1] ?? /:(\d+)/.exec(output)?.[1]) : undefined;
  if (/(?:port is already allocated|address already in use)/i.test(output)) {
    return {
      kind: 'port-taken',
      message: port
        ? l10n("A port of the stack is already taken ({0}). Stop what uses it, or change k1s0.stack.ports.* and the compose file's port mapping.", port)
        : l10n("A port of the stack is already taken. Stop what uses it, or change k1s0.stack.ports.* and the compose file's port mapping."),
    };
  }
  if (/no such file or directory|not found|no configuration file provided/i.test(output) && /compose|\.ya?ml/i.test(output)) {
    return { kind: 'no-compose-file', message: l10n('The compose file was not found: {0}. Run "k1s0: Create observability stack files" or set k1s0.stack.composeFile.', firstLine(output)) };
  }
  const code = result.code === undefined ? (result.error?.message ?? l10n('did not finish')) : l10n('exit code {0}', result.code);
  return { kind: 'failed', message: l10n('docker compose failed ({0}): {1}. See the k1s0 stack terminal for the whole output.', code, firstLine(output) || l10n('no output')) };
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}
