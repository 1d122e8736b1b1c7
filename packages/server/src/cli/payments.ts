// `yibao payments month YYYY-MM` and `yibao payments year YYYY` (issue 14; PAYMENT_CONTRACT.md "CLI"):
// the same as POST /payments/monthly-runs and /payments/year-end-runs, against the database of
// `serve` (DATABASE_URL or --data). The run as JSON on standard output; progress on standard error;
// a refusal writes the error object to standard error and exits 1 (2: a usage error).
import { actorOf } from '../access/identity.js';
import { cliIdentity } from '../access/audit-cli.js';
import { isDomainError } from '../domain/errors.js';
import { runMonth, runYear } from '../payment/runs.js';
import { monthlyRunToWire, yearEndRunToWire } from '../payment/wire.js';
import { payingPolicy, paymentPoliciesOf } from '../settle/payment-facts.js';
import { parseArgs, stringFlag } from './args.js';
import { openRuntime } from './runtime.js';

const USAGE = `usage:
  yibao payments month YYYY-MM [--data DIR]   the monthly run (月度结算, 拨付清单) of the month
  yibao payments year YYYY [--data DIR]       the year-end run (年终清算) of the year
`;

function refusal(code: string, message: string, field: string | null): string {
  return `${JSON.stringify({ error: { code, message, field } })}\n`;
}

export async function runPayments(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [what, period] = args.positional;
  const monthly = what === 'month' && period !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const yearly = what === 'year' && period !== undefined && /^\d{4}$/.test(period);
  if (!monthly && !yearly) {
    process.stderr.write(USAGE);
    return 2;
  }
  const runtime = await openRuntime(stringFlag(args, 'data'));
  try {
    const policy = payingPolicy(paymentPoliciesOf(runtime.policy.book));
    if (policy === null) {
      process.stderr.write(refusal('no_policy_version', '没有支付政策', monthly ? 'month' : 'year'));
      return 1;
    }
    const progress = (step: string): void => {
      process.stderr.write(`${step}…\n`);
    };
    const started = Date.now();
    const body = monthly
      ? monthlyRunToWire(
          (
            await runMonth(
              runtime.db,
              policy,
              Number(period.slice(0, 4)),
              Number(period.slice(5, 7)),
              progress,
              actorOf(cliIdentity()),
            )
          ).run,
        )
      : yearEndRunToWire((await runYear(runtime.db, policy, Number(period), progress)).run);
    process.stderr.write(`完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (isDomainError(err)) {
      process.stderr.write(refusal(err.code, err.message, 'field' in err ? (err.field ?? null) : null));
      return 1;
    }
    throw err;
  } finally {
    await runtime.db.close();
  }
}
