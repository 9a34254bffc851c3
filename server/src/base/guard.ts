/**
 * One broken check must not cost the user the others: each check runs
 * guarded, and a failure becomes one diagnostic at the top of the file
 * saying which check failed and why, while every other check's findings stay.
 */
import type { Finding } from './types';
import type { ReaderCodes } from './check';
import { t } from '../l10n';

export const CHECK_FAILED = 'internal/check-failed';

export function guarded(check: string, run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        start: 0,
        end: 0,
        code: CHECK_FAILED,
        severity: 'warning',
        message: t('check.failedOnFile', { check, reason }),
      },
    ];
  }
}

export const checkFailedCodes: ReaderCodes = {
  meta: {
    name: 'base/guard',
    on: 'reader',
    fileKinds: ['*'],
    description: 'one of our checks threw on this file (a bug of ours): that check is skipped with this warning naming it, every other check still reports',
    codes: [
      {
        code: 'internal/check-failed',
        severity: 'warning',
        short: 'a check failed',
        help: 'One of the k1s0 checks threw on this file (a bug to report); the other checks still ran.',
        ja: { short: 'チェックの失敗', help: 'k1s0 のチェックの 1 つがこのファイルで例外を投げました（k1s0 の不具合です。報告してください）。他のチェックは実行されています。' },
      },
    ],
  },
};
