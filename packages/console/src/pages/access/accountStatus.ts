// An account's state in one word: 正常, 已停用 or 已锁定 (too many wrong passwords, until a time or
// an administrator's unlock). Disabled outranks locked: an
// unlock would not let a disabled account in.
import type { Account } from '../../api/access-types';

export type AccountStatus = 'active' | 'disabled' | 'locked';

export function accountStatus(account: Account, now: Date = new Date()): AccountStatus {
  if (account.status === 'disabled') return 'disabled';
  if (
    account.lockedUntil !== undefined &&
    account.lockedUntil !== null &&
    new Date(account.lockedUntil) > now
  )
    return 'locked';
  return 'active';
}

export const STATUS_COLOUR: Record<AccountStatus, string> = {
  active: 'green',
  disabled: 'default',
  locked: 'orange',
};
