// A second service process for the double-spending test: settles YIBAO_TEST_COUNT visits of one
// person, eight at a time, then exits. Run with `node --import tsx`.
import { openPostgres } from '../db/postgres.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { SettlementService } from '../settle/service.js';
import { hospitalVisit } from './fixtures.js';

const db = await openPostgres(process.env['DATABASE_URL'] ?? '', {
  schema: process.env['YIBAO_TEST_SCHEMA'] ?? '',
  max: 8,
});
const service = new SettlementService(db, loadPolicy(repositoryPolicyDir()).calculate);
const count = Number(process.env['YIBAO_TEST_COUNT'] ?? '0');
const person = process.env['YIBAO_TEST_PERSON'] ?? '';
const prefix = process.env['YIBAO_TEST_PREFIX'] ?? 'child';
let next = 0;
async function worker(): Promise<void> {
  for (let n = next++; n < count; n = next++) {
    const answer = await service.settle(hospitalVisit(`${prefix}-${n}`, person, 1000));
    if (answer.status !== 201) throw new Error(`unexpected ${answer.status}`);
  }
}
await Promise.all(Array.from({ length: 8 }, worker));
await db.close();
