// 示范账户: one officer account per role on a new demo database (`yibao serve`'s first start), each
// with a random password that the start prints once — never a fixed or default password. The
// 机构用户 is bound to the region's first community health centre (社区卫生服务中心).
import type { Role } from '@yibao/api/constants';
import { createAccount } from '../access/accounts.js';
import type { Database } from '../db/types.js';
import { Conflict } from '../domain/errors.js';
import { demoInstitutions } from './region.js';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  institutionId: string | null;
  /** Generated; shown once by the caller and kept only as its hash. */
  password: string;
}

const ROLE_ACCOUNTS: ReadonlyArray<{ role: Role; username: string; displayName: string }> = [
  { role: 'officer', username: 'demo.officer', displayName: '示范经办员' },
  { role: 'reviewer', username: 'demo.reviewer', displayName: '示范审核员' },
  { role: 'finance', username: 'demo.finance', displayName: '示范基金财务' },
  { role: 'auditor', username: 'demo.auditor', displayName: '示范稽核' },
  { role: 'admin', username: 'demo.admin', displayName: '示范管理员' },
  { role: 'analyst', username: 'demo.analyst', displayName: '示范政策分析' },
  { role: 'institution_user', username: 'demo.institution', displayName: '示范机构用户' },
];

/** The community centre a demo 机构用户 works for. */
export function demoCommunityCentre(): string {
  const centre = demoInstitutions().find((i) => i.type === 'community_centre');
  if (centre === undefined) throw new Error('the demo region has no community centre');
  return centre.id;
}

/**
 * Opens the demo accounts (after the region is registered: the 机构用户's institution must exist).
 * A username already taken is left as it is and not listed: its password is not ours to show.
 */
export async function seedDemoAccounts(db: Database): Promise<DemoAccount[]> {
  const made: DemoAccount[] = [];
  for (const { role, username, displayName } of ROLE_ACCOUNTS) {
    const institutionId = role === 'institution_user' ? demoCommunityCentre() : null;
    try {
      const { password } = await createAccount(
        db,
        { username, displayName, roles: [role], institutionId },
        { actor: 'demo', accountId: null },
      );
      made.push({ username, role, displayName, institutionId, password });
    } catch (err) {
      if (err instanceof Conflict && err.code === 'username_taken') continue;
      throw err;
    }
  }
  return made;
}

/** The table printed once at the first start: username, role, password. */
export function demoAccountsTable(accounts: readonly DemoAccount[]): string {
  const rows = accounts.map((a) => [
    a.username,
    a.institutionId === null ? a.role : `${a.role} (${a.institutionId})`,
    a.password,
  ]);
  const header = ['username', 'role', 'password'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  return [
    '示范账户（每个角色一个；密码仅此一次显示，请记下或登录后修改 / demo accounts, passwords shown once):',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
