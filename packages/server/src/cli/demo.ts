// `yibao demo --persons N --visits M [--data DIR]`: registers the demo region and settles a year of
// visits through the settlement service, with a progress bar.
import { availableParallelism } from 'node:os';
import { seedDemo } from '../demo/seed.js';
import { SettlementService } from '../settle/service.js';
import { payingPolicy, paymentPoliciesOf } from '../settle/payment-facts.js';
import { runDemoPayments } from '../demo/payments.js';
import { intFlag, parseArgs, stringFlag } from './args.js';
import { progressBar } from './progress.js';
import { openRuntime } from './runtime.js';

export async function runDemo(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const persons = intFlag(args, 'persons', 3000);
  const visits = intFlag(args, 'visits', 10_000);
  const seed = intFlag(args, 'seed', 2026);
  const runtime = await openRuntime(stringFlag(args, 'data'), 4 * availableParallelism());
  try {
    process.stderr.write(`示范市 (demo): ${persons} 名参保人，${visits} 笔就诊 → ${runtime.where}\n`);
    const service = new SettlementService(runtime.db, runtime.policy.calculate, {
      payment: paymentPoliciesOf(runtime.policy.book),
    });
    const bar = progressBar('结算');
    const started = Date.now();
    const report = await seedDemo(runtime.db, service, {
      persons,
      visits,
      seed,
      // Enough visits in flight for the service to batch them (on PGlite too).
      concurrency: runtime.db.kind === 'postgres' ? 32 * availableParallelism() : 64,
      // The same command again replays (idempotent); other sizes or seeds settle new visits.
      run: `${seed}-${persons}-${visits}`,
      onProgress: (done, total) => {
        bar.update(done, total);
      },
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    // The demo year's payments (issue 14): every ended month run (idempotent on a second call).
    const policy = payingPolicy(paymentPoliciesOf(runtime.policy.book));
    const paymentsStarted = Date.now();
    const payments = policy === null ? null : await runDemoPayments(runtime.db, policy);
    if (payments !== null)
      process.stderr.write(
        `月度结算 ${payments.months} 个月，年终清算 ${payments.years.join('、') || '无'}（${((Date.now() - paymentsStarted) / 1000).toFixed(1)} 秒）\n`,
      );
    process.stdout.write(
      `${JSON.stringify({ ...report, seconds: Math.round(seconds * 10) / 10, perSecond: Math.round(visits / seconds) })}\n`,
    );
    return 0;
  } finally {
    await runtime.db.close();
  }
}
