// Step 7 — the employee personal account (个人账户, R-D9) pays the personal part when asked; cash the rest.
import { formatYuan } from '../money.js';
import type { GroupBenefits } from '../policy-compiler/types.js';
import type { VisitInput } from '../request/visit.js';
import type { Cite } from '../rules/citations.js';
import type { Trace } from '../trace.js';

export function payFromAccount(
  input: VisitInput,
  params: GroupBenefits,
  cite: Cite,
  personalPart: number,
  trace: Trace,
): number {
  if (!input.visit.useAccount) return 0;
  const cited = cite.group('personalAccount', 'boolean', params.personalAccount);
  if (!params.personalAccount) {
    trace.citing(cited).notApplied('R-D9', '个人账户支付', '本参保人所属险种不设个人账户');
    return 0;
  }
  const balance = input.person.accountBalance;
  const pay = Math.min(balance, personalPart);
  trace
    .citing(cited)
    .applied('R-D9', `个人账户余额${formatYuan(balance)}，支付个人负担部分${formatYuan(pay)}`, pay);
  return pay;
}
