// The browser tests' world: the real service (build() + listen) on a free port over an in-memory
// PGlite seeded with the demo region through the settlement service, serving the console's built
// files, and Debian's Chromium driven by playwright-core.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  build,
  loadPolicy,
  migrate,
  openPglite,
  repositoryPolicyDir,
  seedDemo,
  SettlementService,
  type Database,
} from '@yibao/server';

const here = dirname(fileURLToPath(import.meta.url));
export const CONSOLE_DIST = resolve(here, '..', 'dist');
export const SCREENSHOTS = resolve(here, 'screenshots');
export const CHROMIUM = process.env['YIBAO_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ConsoleService {
  baseUrl: string;
  db: Database;
  close(): Promise<void>;
}

/** Fails with words, not a stack from deep inside playwright, when a prerequisite is missing. */
export function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set YIBAO_CHROMIUM) to run the console's browser tests.`,
    );
  if (!existsSync(resolve(CONSOLE_DIST, 'index.html')))
    throw new Error(
      `The console is not built (${CONSOLE_DIST}/index.html is missing): run \`npm run build\` first.`,
    );
}

export async function startConsoleService(size: {
  persons: number;
  visits: number;
}): Promise<ConsoleService> {
  const db = await openPglite();
  await migrate(db);
  const policy = loadPolicy(repositoryPolicyDir());
  await seedDemo(db, new SettlementService(db, policy.calculate), {
    persons: size.persons,
    visits: size.visits,
    concurrency: 1,
    run: 'e2e',
    // More reversals than the demo's 1 %, so a small run surely has some to link both ways.
    reversalShare: 0.05,
  });
  // A copy of the build: a rebuild elsewhere (npm run build empties dist/) cannot pull files from
  // under a running test.
  const consoleDir = mkdtempSync(resolve(tmpdir(), 'yibao-console-'));
  cpSync(CONSOLE_DIST, consoleDir, { recursive: true });
  const app = await build({
    db,
    calculate: policy.calculate,
    regions: policy.regions,
    policy,
    consoleDir,
    open: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await app.close();
      await db.close();
      rmSync(consoleDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Tables fade in and out of their loading state: take the picture once they have settled.
  await page.waitForFunction(
    () => document.querySelector('.ant-spin-spinning, .ant-table-placeholder .ant-spin') === null,
    undefined,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(250);
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Records of the seeded data the tests walk through, found by SQL rather than assumed. */
export interface DemoFacts {
  reversedSettlement: { id: string; personId: string; reversalId: string };
  settlementWithException: { id: string; personId: string };
  resident: { id: string; name: string };
  centre: { id: string; name: string };
  primaryInstitution: string;
}

export async function demoFacts(db: Database): Promise<DemoFacts> {
  const one = async <T extends object>(sql: string): Promise<T> => {
    const [row] = await db.query<T>(sql);
    if (row === undefined) throw new Error(`the seeded demo has no row for: ${sql}`);
    return row;
  };
  const reversed = await one<{ id: string; person_id: string; reversal_id: string }>(
    `SELECT o.id, o.person_id, r.id AS reversal_id FROM settlements o JOIN settlements r ON r.reverses = o.id ORDER BY o.date LIMIT 1`,
  );
  const withException = await one<{ id: string; person_id: string }>(
    `SELECT id, person_id FROM settlements
     WHERE reverses IS NULL AND (result->'trace')::jsonb @> '[{"applied": false}]'::jsonb ORDER BY date DESC LIMIT 1`,
  );
  const resident = await one<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM persons p WHERE p.scheme = 'resident'
       AND EXISTS (SELECT 1 FROM settlements s WHERE s.person_id = p.id AND s.year = ${new Date().getFullYear()})
     ORDER BY p.id LIMIT 1`,
  );
  const centre = await one<{ id: string; name: string }>(
    `SELECT c.id, c.name FROM institutions c WHERE c.type = 'community_centre'
       AND EXISTS (SELECT 1 FROM institutions s WHERE s.parent_id = c.id)
       AND EXISTS (SELECT 1 FROM assessments a WHERE a.institution_id = c.id) ORDER BY c.id LIMIT 1`,
  );
  return {
    reversedSettlement: { id: reversed.id, personId: reversed.person_id, reversalId: reversed.reversal_id },
    settlementWithException: { id: withException.id, personId: withException.person_id },
    resident,
    centre,
    primaryInstitution: centre.id,
  };
}
