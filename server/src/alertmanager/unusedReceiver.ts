/** `alertmanager/unused-receiver`: a receiver no route names, so no alert ever reaches it (Alertmanager loads it silently). */
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { findingAt, UNUSED_RECEIVER } from './codes';
import { say } from './messages';
import { receiversOf, routesOf, text, type AlertmanagerFile } from './model';

export function checkUnusedReceivers(file: AlertmanagerFile): Finding[] {
  const routes = routesOf(file);
  if (routes.length === 0) return [];
  // Stryker disable next-line ArrayDeclaration: a name no receiver has in the set of used ones changes nothing
  const used = new Set(routes.flatMap((route) => (route.receiver ? [text(route.receiver)] : [])));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const receiver of receiversOf(file)) {
    // A duplicate or empty name is alertmanager/config's to report.
    if (used.has(receiver.name) || seen.has(receiver.name) || receiver.name === '') continue;
    seen.add(receiver.name);
    findings.push(findingAt(receiver.nameNode, UNUSED_RECEIVER, 'warning', say('unusedReceiver', { name: receiver.name })));
  }
  return findings;
}

export const alertmanagerUnusedReceiverCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/unusedReceiver',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: 'warning: a receiver no route uses',
    codes: [
      {
        code: UNUSED_RECEIVER,
        severity: 'warning',
        short: 'receiver no route uses',
        help: 'No route of the tree names the receiver, so no alert reaches it: route to it, or remove it.',
        // Stryker disable next-line ObjectLiteral: documentation in Japanese, as short and help (scripts/mutation/ignore-docs.mjs)
        ja: { short: 'どの route も使わない receiver', help: 'ルーティングツリーのどの route もこの receiver を指定していないため、アラートが届きません。route から指定するか、削除してください。' },
      },
    ],
  },
  run: (file) => checkUnusedReceivers(file),
};
