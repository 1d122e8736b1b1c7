// 豁免 (SUPERVISION_RULES.md §6): a documented plan (a staged operation, a treatment course) for one
// person and one 事后 rule over a date range; runs after it raise no alert of that rule whose
// subject is that person's and dated within the range. One alert is exempted by overturning it.
import type { SupervisionLibrary } from '@yibao/engine';
import type { Exemption, ExemptionBody } from '@yibao/api';
import type { Database } from '../db/types.js';
import { Invalid, NotFound } from '../domain/errors.js';
import { newSettlementId } from '../settle/ids.js';
import { insertExemption } from '../store/supervision/exemptions.js';
import { ruleOf } from './library.js';

export async function createExemption(
  db: Database,
  library: SupervisionLibrary,
  body: ExemptionBody,
  by: string,
): Promise<Exemption> {
  const rule = ruleOf(library, body.ruleId, 'ruleId');
  if (rule.stage !== '事后')
    throw new Invalid('ruleId', 'not_batch_rule', `${rule.id} 是事中规则（结算时拒付），没有疑点可豁免`);
  if (body.from > body.to)
    throw new Invalid('to', 'invalid_range', `结束日期 ${body.to} 早于开始日期 ${body.from}`);
  const person = await db.query('SELECT 1 FROM persons WHERE id = $1', [body.personId]);
  if (person.length === 0) throw new NotFound('参保人', body.personId, 'personId');
  return insertExemption(db, { id: newSettlementId(), ...body, by });
}
