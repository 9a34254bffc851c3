/**
 * The language status items in a real VS Code: on a config file, the `{}` of the status bar lists
 * k1s0's checked files and problems, the environment the file is judged as and why, and the catalog.
 */
import { e2eTest, useSession } from './support/harness';
import { waitFor } from './support/wait';

const session = useSession();

e2eTest('the language status of a config file: checks, its environment and why, the catalog in use', session, async ({ workbench }) => {
  await workbench.openFile('regions/business/accounting/server/go/ledger/config/config.staging.yaml');
  const entry = workbench.page.locator('#status\\.languageStatus');
  await entry.waitFor({ timeout: 60_000 });
  const hover = workbench.page.locator('.hover-language-status');
  // The items fill in once the server answers: open the list until it shows them.
  await waitFor(
    async () => {
      if (!(await hover.first().isVisible())) await entry.click();
      const text = (await hover.allInnerTexts()).join('\n');
      return /k1s0: staging/.test(text) && /judged as staging by app\.environment: staging/.test(text) && /k1s0: \d+ files checked/.test(text) && /k1s0 catalog \+ 1 file/.test(text)
        ? text
        : undefined;
    },
    { what: 'the k1s0 language status items', timeoutMs: 60_000 },
  );
});
