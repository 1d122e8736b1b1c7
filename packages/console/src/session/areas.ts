// 角色可见范围: what the console shows each role — the menu's pages and the action buttons — in one
// map. It mirrors the service's permissions (packages/server/src/access/permissions.ts and the
// route table) so that nobody is offered a page or a button the service would refuse.
//
// THE SERVICE IS THE AUTHORITY. This map only hides; it grants nothing. A hidden button's call, a
// typed-in URL, a hand-made request are all still checked by the service, which answers 403.
// When a role's permissions change on the service, change the row here to match.
import type { Role } from '@yibao/api';

/** The console's pages (the menu) by what they show. */
export const AREAS = [
  'dashboard', // 首页统计 (dashboard.read)
  'settlements', // 结算查询 (settlement.read)
  'persons', // 参保人员 (person.read)
  'institutions', // 定点机构 (registry.read)
  'policy', // 政策参数 (policy.read)
  'catalogue', // 医保目录 (catalogue.read)
  'try', // 试算 (settle: an institution's system's call; no officer role has it)
  'accounts', // 账户与角色 (accounts.manage)
] as const;
export type Area = (typeof AREAS)[number];

/** The service's permission each page's first call needs (session/areas.test.ts holds the map to it). */
export const AREA_PERMISSION: Record<Area, string> = {
  dashboard: 'dashboard.read',
  settlements: 'settlement.read',
  persons: 'person.read',
  institutions: 'registry.read',
  policy: 'policy.read',
  catalogue: 'catalogue.read',
  try: 'settle',
  accounts: 'accounts.manage',
};

/** The buttons that change something, named by the permission the service asks for. */
export const ACTIONS = [
  'catalogue.write', // 目录导入
  'registry.write', // 机构登记、协议、就医关系…
  'designation.review', // 定点申请审核
  'assessment.write', // 考核、信用评价
  'supervision.review', // 投诉处理
  'person.write', // 参保登记
  'accounts.manage', // 账户：新建、角色、停用、解锁、重置密码
  'credentials.manage', // 机构接口凭证：签发、轮换、吊销
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Visibility {
  areas: readonly Area[];
  actions: readonly Action[];
}

const READ_AREAS = ['dashboard', 'settlements', 'persons', 'institutions', 'policy', 'catalogue'] as const;

/** The one map: each role's pages and buttons. An account with several roles sees their union. */
export const ROLE_VISIBILITY: Record<Role, Visibility> = {
  officer: { areas: READ_AREAS, actions: ['registry.write', 'person.write'] },
  reviewer: {
    areas: READ_AREAS,
    actions: ['designation.review', 'assessment.write', 'supervision.review'],
  },
  // No person reads: the menu has no 参保人员.
  finance: {
    areas: ['dashboard', 'settlements', 'institutions', 'policy', 'catalogue'],
    actions: [],
  },
  // 稽核: reads everything, not one button that changes something.
  auditor: { areas: READ_AREAS, actions: [] },
  // 管理员: the system's keys, not the insured's data.
  admin: {
    areas: ['institutions', 'policy', 'catalogue', 'accounts'],
    actions: ['catalogue.write', 'accounts.manage', 'credentials.manage'],
  },
  analyst: { areas: ['dashboard', 'policy', 'catalogue'], actions: [] },
  // 机构用户: its own institution's settlements (the service narrows the list to them).
  institution_user: { areas: ['settlements', 'policy', 'catalogue'], actions: [] },
};

/** Everything: a service without sign-in (`yibao serve --open`, loopback only) lets anyone do anything. */
export const OPEN_VISIBILITY: Visibility = { areas: AREAS, actions: ACTIONS };

export function visibilityOfRoles(roles: readonly Role[]): Visibility {
  const areas = new Set<Area>();
  const actions = new Set<Action>();
  for (const role of roles) {
    for (const area of ROLE_VISIBILITY[role].areas) areas.add(area);
    for (const action of ROLE_VISIBILITY[role].actions) actions.add(action);
  }
  // In the menu's order, whatever the order of the roles.
  return {
    areas: AREAS.filter((a) => areas.has(a)),
    actions: ACTIONS.filter((a) => actions.has(a)),
  };
}

/** The page a path belongs to ('/institutions/H1/…' → 'institutions'); undefined for '/sign-in'. */
export function areaOfPath(pathname: string): Area | undefined {
  if (pathname === '/' || pathname === '') return 'dashboard';
  const first = pathname.split('/')[1] ?? '';
  return (AREAS as readonly string[]).includes(first) ? (first as Area) : undefined;
}

/** Where a role lands: the first page it may see. */
export function homeOf(visibility: Visibility): string {
  const first = visibility.areas[0];
  return first === undefined || first === 'dashboard' ? '/' : `/${first}`;
}
