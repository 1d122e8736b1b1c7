// 权限: what each kind of caller may do (issue 13, least privilege). One table, so that who may do
// what is read in one place; routes name a permission in access/route-table.ts, never a role.
import type { Role } from '@yibao/api/constants';

export const PERMISSIONS = [
  'settle', // 结算、预结算、撤销: an institution's system, for its own visits only
  'settlement.read', // 结算记录、对账
  'person.read', // 参保人员 (masked by default, R-B7)
  'person.reveal', // 查看完整姓名与身份证号: a deliberate, logged act with a reason
  'person.write', // 参保登记
  'person.settlement-facts', // what a settlement needs of a person: limits and accumulators
  'registry.read', // 定点申请、协议、就医关系、转诊、电子处方、历史
  'registry.write', // 机构登记、协议签订与变更、就医关系、转诊、电子处方
  'designation.review', // 定点申请审核
  'assessment.write', // 考核、信用评价
  'supervision.review', // 投诉处理、预警复核、豁免
  'supervision.read', // 基金监管疑点、扣款、监测指标 (issue 15)
  'supervision.run', // 事后批量运行 (issue 15): the night's batch, an officer's act
  'supervision.appeal', // 疑点申诉 (issue 15): the institution's own act, for its own alerts only
  'catalogue.read', // 医保目录
  'catalogue.write', // 目录导入、机构获准项目
  'policy.read', // 政策参数、需求目录、合规检查
  'policy.release', // 政策发布
  'dashboard.read', // 首页统计
  'payments.run', // 月度、年终结算
  'payments.release', // 拨付清单放行 (two-person rule: not the run's maker)
  'simulation.run', // 政策测算 (de-identified data only)
  'accounts.manage', // 账户与角色
  'credentials.manage', // 机构接口凭证：签发、轮换、吊销
  'audit.read', // 审计日志
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READS = [
  'settlement.read',
  'person.read',
  'registry.read',
  'catalogue.read',
  'policy.read',
  'dashboard.read',
] as const satisfies readonly Permission[];

/** Each officer role's permissions. An account with several roles has their union. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  officer: [
    ...READS,
    'person.reveal',
    'person.write',
    'person.settlement-facts',
    'registry.write',
    'supervision.read',
    'supervision.run',
  ],
  reviewer: [
    ...READS,
    'person.reveal',
    'designation.review',
    'assessment.write',
    'supervision.review',
    'supervision.read',
  ],
  finance: [
    'settlement.read',
    'registry.read',
    'catalogue.read',
    'policy.read',
    'dashboard.read',
    'payments.run',
    'payments.release',
  ],
  // 稽核: everything an officer may read, the audit log too, and not one write.
  auditor: [...READS, 'person.settlement-facts', 'audit.read', 'supervision.read'],
  // 管理员: the system's keys, not the insured's data (no person reads).
  admin: [
    'registry.read',
    'catalogue.read',
    'catalogue.write',
    'policy.read',
    'policy.release',
    'accounts.manage',
    'credentials.manage',
  ],
  // 政策分析: aggregates and pseudonymised records (access/pseudonym.ts), never a name.
  analyst: ['policy.read', 'dashboard.read', 'catalogue.read', 'simulation.run'],
  // 机构用户: its own institution's records only (the route table's `own` rules and the handlers' checks).
  institution_user: [
    'settlement.read',
    'catalogue.read',
    'policy.read',
    'supervision.read',
    'supervision.appeal',
    // person.read: a person's detail only, and only with the person's 'health' consent (R-B7).
    'person.read',
  ],
};

/** An institution's system (HIS) signing with its credential: settle its own visits, nothing of the registry. */
export const INSTITUTION_SYSTEM_PERMISSIONS: readonly Permission[] = [
  'settle',
  'settlement.read',
  'person.settlement-facts',
  'catalogue.read',
  'policy.read',
  'supervision.read',
  'supervision.appeal',
  'person.read', // a person's detail, with the person's 'health' consent to it (R-B7)
];

export function permissionsOfRoles(roles: readonly Role[]): ReadonlySet<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}
