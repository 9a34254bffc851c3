/**
 * What the client and the server say to each other beyond standard LSP.
 * Both sides import this module; nothing here is declared twice.
 */
export const LANGUAGE_CLIENT_ID = 'k1s0';
export const LANGUAGE_CLIENT_NAME = 'k1s0 Observability';

export const Commands = {
  restartServer: 'k1s0.restartServer',
  showOutput: 'k1s0.showOutput',
} as const;

/** Files the server watches on disk, open or not. */
export const WATCHED_FILES_GLOB = '**/*.{yaml,yml,json}';
