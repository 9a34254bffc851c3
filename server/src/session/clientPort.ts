/**
 * What the session needs of the editor on the other side, and of the disk
 * and the clock: small ports, so the session is plain code that a test drives
 * in process with fakes. `server.ts` implements ClientPort over an LSP
 * connection; nodeDisk and realScheduler are the production disk and clock.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../base/types';
import { findLintConfig } from '../lint/lintConfig';
import { collectFiles } from '../workspace/walk';
import type { WorkspaceFolder } from './folders';

/* ---- what the client tells the session ---- */

/** What the session reads of LSP's InitializeParams (an InitializeParams fits). */
export interface SessionInit {
  locale?: string;
  rootUri?: string | null;
  workspaceFolders?: readonly WorkspaceFolder[] | null;
  capabilities: {
    workspace?: {
      configuration?: boolean;
      didChangeWatchedFiles?: { dynamicRegistration?: boolean };
      workspaceEdit?: { documentChanges?: boolean };
      workspaceFolders?: boolean;
    };
    textDocument?: { publishDiagnostics?: { relatedInformation?: boolean } };
  };
  initializationOptions?: unknown;
}

/** A watched file's change; `type` as LSP's FileChangeType (1 created, 2 changed, 3 deleted). */
export interface FileChange {
  uri: string;
  type: number;
}

/* ---- what the session asks of the client ---- */

export type LogLevel = 'error' | 'warn' | 'info' | 'log';

export interface ClientPort {
  /** Diagnostics of one document (an empty list clears them), for the version they were computed from. */
  publishDiagnostics(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): void;
  /** The `k1s0` settings of a workspace folder (undefined: outside any), pulled from the client. */
  configuration(scopeUri: string | undefined): Promise<unknown>;
  log(level: LogLevel, message: string): void;
  /** What the workspace defines changed, so the SLO tree may have. */
  sloTreeChanged(): void;
  /** Asks the client to send configuration changes and/or watched-file events (dynamic registration). */
  register(what: { configuration: boolean; watchedFiles: boolean }): void;
}

/** The files of the workspace on disk. */
export interface Disk {
  /** A file's bytes; undefined when it cannot be read (gone, a directory, no permission). */
  read(path: string): Uint8Array | undefined;
  /** The files the session checks under a folder, as the CLI walks them; throws when the folder cannot be read. */
  list(root: string): string[];
  /** The nearest `.k1s0/lint.yaml` at or above a directory (as the CLI finds it). */
  findLintConfig(directory: string): string | undefined;
}

export const nodeDisk: Disk = {
  read(path) {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
  list: (root) => collectFiles(root).map((found) => found.path),
  findLintConfig,
};

/** Runs work later; each call returns its cancellation. */
export interface Scheduler {
  /** After the current events (a burst of edits is coalesced into one run). */
  soon(run: () => void): () => void;
  /** After a pause of `ms` milliseconds. */
  after(ms: number, run: () => void): () => void;
}

export const realScheduler: Scheduler = {
  soon(run) {
    const handle = setImmediate(run);
    return () => clearImmediate(handle);
  },
  after(ms, run) {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
};
