// The browser tests' world: the real service (build() + listen) on a free port over an in-memory
// PGlite seeded with the demo region through the settlement service, serving the console's built
// files, and Debian's Chromium driven by playwright-core. Two services: the open one (`--open`,
// every page's main path) and one that enforces access, with one account per role (roles.test.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Role } from '@yibao/api';
import * as server from '@yibao/server';
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
  return startService(size, true);
}

async function startService(
  size: { persons: number; visits: number },
  open: boolean,
  /** Asked before the (slow) seeding: a reason not to go on ends it there. */
  stopBefore?: (app: Awaited<ReturnType<typeof build>>) => Promise<string | null>,
): Promise<ConsoleService & { stopped: string | null }> {
  const db = await openPglite();
  await migrate(db);
  const policy = loadPolicy(repositoryPolicyDir());
  if (stopBefore !== undefined) {
    const bare = await build({ db, calculate: policy.calculate, regions: policy.regions, policy, open });
    const reason = await stopBefore(bare).finally(() => bare.close());
    if (reason !== null) {
      await db.close();
      return { baseUrl: '', db, stopped: reason, close: () => Promise.resolve() };
    }
  }
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
    // Enforcing: the default authenticators (session cookie, institutions' signatures).
    open,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    stopped: null,
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

/** One signed-in account of a role, as the role tests use it. */
export interface RoleAccount {
  username: string;
  password: string;
  institutionId: string | null;
}

export interface EnforcedConsoleService extends ConsoleService {
  /** One account per role; empty when the service cannot make accounts yet (`missing` says why). */
  accounts: Partial<Record<Role, RoleAccount>>;
  /** Why the role tests cannot run on this build, or null when they can. */
  missing: string | null;
}

/**
 * The service as deployed: access enforced, no --open. The administrator is made with the
 * server's createAdmin; every other role's account through the accounts API, signed in as that
 * administrator — the way an agency sets up its officers.
 */
export async function startEnforcedConsoleService(size: {
  persons: number;
  visits: number;
}): Promise<EnforcedConsoleService> {
  // Before seeding the demo (the slow part): can this build sign anybody in at all?
  const service = await startService(size, false, async (app) => {
    const probe = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'nobody', password: 'not-a-password' },
    });
    if (probe.statusCode === 404) return 'POST /api/v1/session answers 404: sign-in is not on this build yet';
    return null;
  });
  if (service.stopped !== null) return { ...service, accounts: {}, missing: service.stopped };
  const base = `${service.baseUrl}/api/v1`;

  const admin = await server.createAdmin(service.db, {
    username: 'e2e.admin',
    displayName: '测试管理员',
    operator: 'e2e',
  });
  const accounts: Partial<Record<Role, RoleAccount>> = {
    admin: { username: 'e2e.admin', password: admin.password, institutionId: null },
  };
  const signIn = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'e2e.admin', password: admin.password }),
  });
  if (!signIn.ok)
    throw new Error(`the administrator could not sign in: ${signIn.status} ${await signIn.text()}`);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string | null };
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const [institution] = await service.db.query<{ id: string }>(
    `SELECT id FROM institutions WHERE type = 'community_centre' ORDER BY id LIMIT 1`,
  );
  if (institution === undefined) throw new Error('the seeded demo has no community centre');
  const others: Role[] = ['officer', 'reviewer', 'finance', 'auditor', 'analyst', 'institution_user'];
  for (const role of others) {
    const institutionId = role === 'institution_user' ? institution.id : null;
    const username = `e2e.${role.replace('_', '-')}`;
    const made = await fetch(`${base}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken ?? '' },
      body: JSON.stringify({
        username,
        displayName: `测试${role}`,
        roles: [role],
        ...(institutionId === null ? {} : { institutionId }),
      }),
    });
    if (made.status !== 201)
      throw new Error(`could not make the ${role} account: ${made.status} ${await made.text()}`);
    const body = (await made.json()) as { password?: string; initialPassword?: string };
    const password = body.initialPassword ?? body.password;
    if (password === undefined) throw new Error(`the ${role} account came without its password`);
    accounts[role] = { username, password, institutionId };
  }
  await fetch(`${base}/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken ?? '' } });
  return { ...service, accounts, missing: null };
}
