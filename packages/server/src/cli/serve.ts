// `yibao serve`: migrate, load the policy, seed the demo region on a new database, then listen.
// On PostgreSQL every core gets a worker process (node:cluster) with its own connection pool; the
// embedded PGlite lives in one process (on a thread of its own, db/pglite-thread.ts), so it is
// served by one.
import { fixedToday } from '../domain/today.js';
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { isEmpty, seedDemo } from '../demo/seed.js';
import { demoAccountsTable, seedDemoAccounts } from '../demo/accounts.js';
import { countActiveAdmins } from '../store/access/accounts.js';
import { defaultConsoleDir } from '../http/console-static.js';
import { build } from '../http/app.js';
import { securityOptionsFromEnv } from '../http/security.js';
import { SettlementService } from '../settle/service.js';
import { payingPolicy, paymentPoliciesOf } from '../settle/payment-facts.js';
import { runDemoPayments } from '../demo/payments.js';
import { loadDemoCatalogue } from '../demo/catalogue-seed.js';
import { intFlag, parseArgs, stringFlag } from './args.js';
import { progressBar } from './progress.js';
import { databaseUrl, openRuntime, type Runtime } from './runtime.js';

// Enough for the console to show a lively region at once, quick enough for a first start.
const FIRST_START_PERSONS = 3000;
const FIRST_START_VISITS = 3000;

interface ServeOptions {
  port: number;
  host: string;
  dataDir: string | undefined;
  workers: number;
  poolSize: number;
  seed: boolean;
  log: boolean;
  /** `--open`: no credentials asked (development and acceptance checks not about access); loopback only. */
  open: boolean;
  /** `--tls-cert --tls-key --tls-client-ca`: HTTPS with client certificates (mutual TLS, access/mtls.ts). */
  tls: { cert: string; key: string; clientCa: string } | undefined;
}

/** The three TLS files, all or none. */
function tlsFiles(args: ReturnType<typeof parseArgs>): ServeOptions['tls'] {
  const cert = stringFlag(args, 'tls-cert');
  const key = stringFlag(args, 'tls-key');
  const clientCa = stringFlag(args, 'tls-client-ca');
  if (cert === undefined && key === undefined && clientCa === undefined) return undefined;
  if (cert === undefined || key === undefined || clientCa === undefined)
    throw new Error('--tls-cert, --tls-key and --tls-client-ca go together (mutual TLS)');
  return { cert, key, clientCa };
}

function options(argv: string[]): ServeOptions {
  const args = parseArgs(argv, ['no-seed', 'log', 'open']);
  const envPort = process.env['PORT'];
  return {
    port: intFlag(args, 'port', envPort !== undefined && envPort !== '' ? Number(envPort) : 8080),
    host: stringFlag(args, 'host') ?? '127.0.0.1',
    dataDir: stringFlag(args, 'data'),
    workers: intFlag(args, 'workers', availableParallelism()),
    // Three batched stages (reads, registry reads, writes) with up to three batches in flight each.
    poolSize: intFlag(args, 'pool', Number(process.env['YIBAO_POOL_SIZE'] ?? 10)),
    seed: !args.flags.has('no-seed'),
    log: args.flags.has('log'),
    open: args.flags.has('open'),
    tls: tlsFiles(args),
  };
}

async function startApp(runtime: Runtime, opts: ServeOptions): Promise<FastifyInstance> {
  const app = await build({
    db: runtime.db,
    calculate: runtime.policy.calculate,
    regions: runtime.policy.regions,
    policy: runtime.policy,
    consoleDir: defaultConsoleDir(),
    logger: opts.log,
    open: opts.open,
    security: securityOptionsFromEnv(process.env),
    ...(opts.tls === undefined
      ? {}
      : {
          mutualTls: {
            cert: readFileSync(opts.tls.cert),
            key: readFileSync(opts.tls.key),
            ca: readFileSync(opts.tls.clientCa),
          },
        }),
  });
  await app.listen({ port: opts.port, host: opts.host });
  return app;
}

async function seedIfNew(runtime: Runtime, opts: ServeOptions): Promise<void> {
  if (!(await isEmpty(runtime.db))) return;
  if (!opts.seed) {
    // --no-seed (issue 14 §4): the demo region's policy (its files, loaded at start) and catalogue,
    // but no demo institutions, persons or visits: acceptance checks build their own region.
    if (runtime.policy.book.regions.has('demo')) {
      await loadDemoCatalogue(runtime.db, { actor: 'demo', reason: '示范市 2026 医保目录' });
      process.stderr.write('新数据库（--no-seed）：已载入示范市医保目录，无示例机构、参保人与就诊\n');
    }
    return;
  }
  process.stderr.write(
    `新数据库：载入示范市 (demo) 机构与参保人，并结算 ${FIRST_START_VISITS} 笔示例就诊…\n`,
  );
  const bar = progressBar('示例结算');
  const service = new SettlementService(runtime.db, runtime.policy.calculate, {
    payment: paymentPoliciesOf(runtime.policy.book),
  });
  const report = await seedDemo(runtime.db, service, {
    persons: FIRST_START_PERSONS,
    visits: FIRST_START_VISITS,
    concurrency: 64, // enough in flight for the service to batch them
    run: 'serve',
    onProgress: (done, total) => {
      bar.update(done, total);
    },
  });
  bar.stop();
  process.stderr.write(
    `已载入 ${report.institutions} 家机构、${report.persons} 名参保人，结算 ${report.settled} 笔，撤销 ${report.reversed} 笔\n`,
  );
  // One account per role with a random password, printed this once (never a default password).
  const accounts = await seedDemoAccounts(runtime.db);
  if (accounts.length > 0) process.stdout.write(demoAccountsTable(accounts));
  // The demo year's payments (issue 14): every ended month run, so the console has payment lists.
  const policy = payingPolicy(paymentPoliciesOf(runtime.policy.book));
  if (policy !== null) {
    const started = Date.now();
    const paid = await runDemoPayments(runtime.db, policy);
    process.stderr.write(
      `月度结算 ${paid.months} 个月${paid.years.length > 0 ? `，年终清算 ${paid.years.join('、')} 年` : ''}（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`,
    );
  }
}

/** Only the machine itself can reach a loopback address: the one place --open may listen. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A cluster worker: its own pool, the same port (the primary has migrated and seeded already). */
async function runWorker(opts: ServeOptions): Promise<number> {
  const runtime = await openRuntime(opts.dataDir, opts.poolSize);
  const app = await startApp(runtime, opts);
  onShutdown(async () => {
    await app.close();
    await runtime.db.close();
  });
  process.send?.({ ready: true });
  return 0;
}

export async function runServe(argv: string[]): Promise<number> {
  const opts = options(argv);
  if (opts.open && !isLoopback(opts.host)) {
    process.stderr.write(
      `yibao serve: --open 只能在本机回环地址上使用 (--host ${opts.host} 不是 127.0.0.1、::1 或 localhost)\n`,
    );
    return 2;
  }
  if (cluster.isWorker) return runWorker(opts);
  if (opts.open)
    process.stderr.write(
      'yibao serve: --open — 不检查任何凭证，任何本机调用者都可办理一切业务（仅供开发与验收，切勿用于生产）\n',
    );

  // SERVICE_CONTRACT.md: a fixed business date is for tests and demos; say so where an operator sees it.
  const fixed = fixedToday();
  if (fixed !== undefined)
    process.stderr.write(
      `yibao serve: YIBAO_TODAY=${fixed} — "today" is fixed, not the clock (tests and demos only)\n`,
    );
  const runtime = await openRuntime(opts.dataDir, 2);
  await seedIfNew(runtime, opts);
  if (!opts.open && (await countActiveAdmins(runtime.db)) === 0)
    process.stderr.write(
      'yibao serve: 尚无启用的管理员账户，无人能登录开户 — 请运行 npx yibao admin create --username <登录名>\n',
    );
  const url = `${opts.tls === undefined ? 'http' : 'https'}://${opts.host}:${opts.port}`;
  const clustered = databaseUrl() !== undefined && opts.workers > 1;
  if (!clustered) {
    const app = await startApp(runtime, opts);
    onShutdown(async () => {
      await app.close();
      await runtime.db.close();
    });
    process.stdout.write(
      `Yibao 医保结算服务已启动: ${url}  (API ${url}/api/v1, 文档 ${url}/docs; ${runtime.where})\n`,
    );
    return 0;
  }

  await runtime.db.close();
  // Let the kernel spread connections over the workers instead of the primary handing each one.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopping = false;
  const fork = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      worker.on('message', (m: { ready?: boolean }) => {
        if (m.ready === true) resolve();
      });
      worker.on('exit', (code) => {
        if (stopping) return;
        reject(new Error(`worker exited with ${code}`));
        // A worker that dies after start is replaced; the others keep serving meanwhile.
        process.stderr.write(
          `yibao serve: worker ${worker.process.pid ?? '?'} exited (${code}); starting another\n`,
        );
        void fork().catch(() => undefined);
      });
    });
  await Promise.all(Array.from({ length: opts.workers }, fork));
  const shutdown = (): void => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.stdout.write(
    `Yibao 医保结算服务已启动: ${url}  (API ${url}/api/v1, 文档 ${url}/docs; ${runtime.where}, ${opts.workers} 个工作进程)\n`,
  );
  return 0;
}
