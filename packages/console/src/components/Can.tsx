// 按权限显示: every registry action button sits inside <Can permission="…"> (or asks useCan). The
// names are the session's actions (session/areas.ts, mirroring the server's permissions.ts); the
// service checks them again on every request, so this only spares the officer a button that would
// answer 403. One source: the signed-in session's `can` (session/SessionContext.tsx).
import type { ReactNode } from 'react';
import type { Action } from '../session/areas';
import { useSession } from '../session/SessionContext';

export type Permission = Action;

/** Whether the signed-in officer may do what `permission` allows (every action in open mode). */
export function useCan(permission: Permission): boolean {
  return useSession().can(permission);
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
