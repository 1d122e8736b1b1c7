// 按权限显示: every action button of the console sits inside <Can permission="…"> (or asks
// useCan), so hiding what an officer may not do is decided here and nowhere else. The names are the
// server's (packages/server/src/access/permissions.ts); the route table checks them again on every
// request, so this only spares the officer a button that would answer 403.
//
// For now every action is shown: the console has no sign-in yet. The session (the sign-in work of
// issue 13) supplies the officer's permissions here — replace `useCan`'s body with a read of it.
import type { ReactNode } from 'react';

/** The permissions the console's actions name (a subset of the server's PERMISSIONS). */
export type Permission =
  | 'registry.write' // 机构登记、协议签订与变更、就医关系、转诊、电子处方
  | 'designation.review' // 定点申请审核
  | 'assessment.write' // 考核、信用评价
  | 'supervision.review' // 投诉处理、预警复核
  | 'person.write' // 参保登记
  | 'catalogue.write' // 目录导入
  | 'policy.release'; // 政策发布

/** The signed-in officer's permissions; 'all' in open mode, which is every console today. */
function grantedPermissions(): ReadonlySet<Permission> | 'all' {
  return 'all';
}

/** Whether the signed-in officer may do what `permission` allows (always, until sign-in lands). */
export function useCan(permission: Permission): boolean {
  const granted = grantedPermissions();
  return granted === 'all' || granted.has(permission);
}

/** Shows its children only to an officer holding `permission`; `otherwise` in their place. */
export function Can({
  permission,
  children,
  otherwise = null,
}: {
  permission: Permission;
  children: ReactNode;
  otherwise?: ReactNode;
}) {
  return useCan(permission) ? children : otherwise;
}
