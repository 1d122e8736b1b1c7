// A service process that settles as fast as it can until it is killed — the parent test kills it
// with SIGKILL mid-flight and then checks that every settlement is whole. Run with `node --import tsx`.
import { openPostgres } from '../db/postgres.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { SettlementService } from '../settle/service.js';
import { hospitalVisit } from './fixtures.js';

const url = process.env['DATABASE_URL'] ?? '';
const schema = process.env['YIBAO_TEST_SCHEMA'] ?? '';
const persons = Number(process.env['YIBAO_TEST_PERSONS'] ?? '4');

const db = await openPostgres(url, { schema, max: 8 });
const service = new SettlementService(db, loadPolicy(repositoryPolicyDir()).calculate);
let next = 0;
async function worker(): Promise<void> {
  for (;;) {
    const n = next++;
    await service.settle(hospitalVisit(`crash-${n}`, `K${n % persons}`, 50 + (n % 7) * 10, true));
  }
}
await Promise.all(Array.from({ length: 8 }, worker));
