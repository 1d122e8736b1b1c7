// The settlement service (实时结算): preview, settle, reverse, read. The HTTP routes and the demo
// generator both call this, so the demo goes through exactly the code institutions hit.
import type { Accumulators, CalcResult } from '@yibao/engine';
import type { Database } from '../db/types.js';
import { isPgError, UNIQUE_VIOLATION } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { toFen } from '@yibao/engine';
import { ACCUMULATOR_COLUMNS } from '../store/records.js';
import { AMOUNT_COLUMNS, type Amounts } from '../store/settlement-columns.js';
import {
  findSettlementResponse,
  readReverseContext,
  readSettleContexts,
  type PreviousUse,
  type SettleContext,
  type SettleContextKey,
} from '../store/settlement-reads.js';
import { writeSettlement, writeSettlementBatch } from '../store/settlement-batch-writes.js';
import type { SettlementWrite } from '../store/settlement-writes.js';
import { accumulatorsInYuan, buildCalcRequest, yearOf } from './calc-request.js';
import { newSettlementId } from './ids.js';
import { itemLines } from './lines.js';
import { requestHash } from './request-hash.js';
import { negateLines, negateResponse } from './reversal.js';
import type { RegistryFacts } from '../registry/facts.js';
import { coveredFacts, refsOf, withFacts } from './registry-gate.js';
import type { CatalogueCache } from '../catalogue/cache.js';
import { sharedCatalogueCache } from '../catalogue/cache.js';
import { resolveItems } from './catalogue-lines.js';
import { dispense } from './prescription.js';
import type { Dispensing } from '../store/settlement-writes.js';
import { Invalid } from '../domain/errors.js';
import { clockSkewMinutes, latestVisitDate } from '../domain/today.js';
import type { TraceEvent } from '@yibao/engine';
import { withCasRetry } from './retry.js';
import { parsePaymentVisit } from '@yibao/engine';
import { reversalFacts, settlementFacts, type PaymentPolicies } from './payment-facts.js';
import { storedItem } from './replay.js';
import { Batcher } from './batcher.js';
import type {
  Answer,
  Calculator,
  PreviewBody,
  ReversalBody,
  SettleBody,
  SettlementResponse,
} from './types.js';

function amountsInFen(result: CalcResult): Amounts {
  const fen = {} as Amounts;
  for (const [name] of AMOUNT_COLUMNS) fen[name] = toFen(result[name]);
  return fen;
}

function accumulatorsInFen(yuan: Accumulators): Accumulators {
  const fen = {} as Accumulators;
  for (const [name] of ACCUMULATOR_COLUMNS) fen[name] = toFen(yuan[name]);
  return fen;
}

function minus(a: Accumulators, b: Accumulators): Accumulators {
  const d = {} as Accumulators;
  for (const [name] of ACCUMULATOR_COLUMNS) d[name] = a[name] - b[name];
  return d;
}

/** The key of settlement_requests (migration 009): a request id is used once (幂等). */
const REQUEST_ID_UNIQUE = 'settlement_requests_pkey';

const isUniqueViolation = (err: unknown, constraint: string): boolean =>
  isPgError(err) && err.code === UNIQUE_VIOLATION && err.constraint === constraint;

export interface SettlementServiceOptions {
  /** The catalogue in memory (default: the process's one cache over the database). */
  catalogue?: CatalogueCache;
  /** Minutes a caller's clock may run ahead (default YIBAO_CLOCK_SKEW_MINUTES, else 10). */
  clockSkewMinutes?: number;
  /** The clock (epoch ms), for tests. */
  now?: () => number;
  /** The regions' payment policies (issue 14): each settlement's payment facts are written with it. None: no facts. */
  payment?: PaymentPolicies;
}

/** The engine's request as settled on the records, with what it dispenses and the notes on it. */
interface Settled {
  request: Record<string, unknown>;
  result: CalcResult;
  dispensings: Dispensing[];
}

export class SettlementService {
  /** The agency's catalogue, in memory (docs/catalogue.md § Speed). */
  readonly catalogue: CatalogueCache;
  private readonly skewMinutes: number;
  private readonly now: () => number;
  private readonly payment: PaymentPolicies;

  // Concurrent settlements share their reads and their writes (see batcher.ts); a few batches in
  // flight keep the pool busy without queueing on it.
  private readonly reads: Batcher<SettleContextKey, SettleContext>;
  private readonly writes: Batcher<SettlementWrite, boolean>;

  constructor(
    private readonly db: Database,
    private readonly calculate: Calculator,
    options: SettlementServiceOptions = {},
  ) {
    this.catalogue = options.catalogue ?? sharedCatalogueCache(db);
    this.skewMinutes = options.clockSkewMinutes ?? clockSkewMinutes();
    this.now = options.now ?? Date.now;
    this.payment = options.payment ?? new Map();
    // PGlite runs one statement at a time (on its own thread, db/pglite-thread.ts): one batch in
    // flight per stage, as big as it comes.
    // PostgreSQL works on several at once: a few moderate batches in flight gave the best rate and
    // tail latency in the service benchmark (16 × 3 against 64 × 3, 8 × 3, 32 × 3, 16 × 5).
    const maxInFlight = db.kind === 'pglite' ? 1 : 3;
    const maxBatch = db.kind === 'pglite' ? 64 : 16;
    this.reads = new Batcher((keys) => readSettleContexts(db, keys), { maxInFlight, maxBatch });
    this.writes = new Batcher(
      async (writes) => {
        const written = await writeSettlementBatch(db, writes);
        return writes.map((w) => written.has(w.id));
      },
      // One write per person in a batch: two would compete for one account version.
      { maxInFlight, maxBatch, keyOf: (w) => w.personId },
    );
  }

  /** The registry's facts for the visit date (issue 4), read with the context: 422 when not covered. */
  private factsOf(body: PreviewBody, ctx: SettleContext): Promise<RegistryFacts | undefined> {
    if (ctx.facts === undefined) return Promise.resolve(undefined);
    const key = { personId: body.personId, institutionId: body.institutionId, date: body.date };
    return coveredFacts(this.db, ctx.facts, key, body.visit);
  }

  /** Checks a body can be settled at all before anything is read: not a future visit, records by id. */
  private precheck(body: PreviewBody): void {
    const latest = latestVisitDate(this.skewMinutes, this.now());
    if (typeof body.date === 'string' && body.date > latest)
      throw new Invalid(
        'date',
        'future_date',
        `就诊日期 ${body.date} 晚于今天（${latest}），不能结算未来的就诊`,
      );
    refsOf(body.visit);
    // PAYMENT_POLICY §3 Inputs: the visit's payment fields, 400 naming the field, before anything is read.
    parsePaymentVisit(body.visit, visitKindOf(body.visit));
  }

  /**
   * The engine's answer on the agency's records: the lines resolved through the catalogue in force
   * on the visit date (and the institution's lists, R-D10), the registry's facts, the
   * e-prescription's dispensing (R-D8). `request` is every fact the engine used, stored to replay.
   */
  private async settleOnRecords(
    body: PreviewBody,
    facts: RegistryFacts | undefined,
    person: Parameters<typeof buildCalcRequest>[1],
    institution: Parameters<typeof buildCalcRequest>[2],
    accumulatorsFen: Accumulators,
  ): Promise<Settled> {
    const lines = await resolveItems(this.catalogue, body.items, {
      date: body.date,
      institutionId: body.institutionId,
      level: institution.level,
    });
    let request = buildCalcRequest({ ...body, items: lines.items }, person, institution, accumulatorsFen);
    if (facts !== undefined) request = withFacts(request, facts);
    const rxId = refsOf(body.visit).ePrescriptionId;
    const dispensings =
      rxId !== undefined && facts?.ePrescription != null && Array.isArray(lines.items)
        ? await dispense(this.db, body.personId, rxId, lines.items)
        : [];
    const result = this.calculate(request);
    // The registry's notes go first (what the records were), then the catalogue's, then the engine's.
    const notes: TraceEvent[] = [...(facts?.notes ?? []), ...lines.notes];
    return {
      request,
      result: notes.length === 0 ? result : { ...result, trace: [...notes, ...result.trace] },
      dispensings,
    };
  }

  /** 预结算: the engine's answer on today's accumulators; reads only, writes nothing. */
  async preview(body: PreviewBody): Promise<CalcResult> {
    this.precheck(body);
    const ctx = await this.reads.submit({
      personId: body.personId,
      institutionId: body.institutionId,
      year: yearOf(body.date),
      requestId: '',
      date: body.date,
    });
    if (ctx.person === undefined) throw notFound('参保人', 'personId', body.personId);
    if (ctx.institution === undefined) throw notFound('定点医药机构', 'institutionId', body.institutionId);
    const facts = await this.factsOf(body, ctx);
    const settled = await this.settleOnRecords(body, facts, ctx.person, ctx.institution, ctx.accumulatorsFen);
    return settled.result;
  }

  /** 结算: 201 with the new settlement, or 200 with the first answer when the request is a retry. */
  async settle(body: SettleBody): Promise<Answer> {
    this.precheck(body);
    const hash = requestHash(body);
    const year = yearOf(body.date);
    return withCasRetry(async () => {
      const ctx = await this.reads.submit({
        personId: body.personId,
        institutionId: body.institutionId,
        year,
        requestId: body.requestId,
        date: body.date,
      });
      if (ctx.previous !== undefined) return this.replay(ctx.previous, hash, body.requestId);
      if (ctx.person === undefined) throw notFound('参保人', 'personId', body.personId);
      if (ctx.institution === undefined) throw notFound('定点医药机构', 'institutionId', body.institutionId);
      const facts = await this.factsOf(body, ctx);
      const { request, result, dispensings } = await this.settleOnRecords(
        body,
        facts,
        ctx.person,
        ctx.institution,
        ctx.accumulatorsFen,
      );
      const settlementId = newSettlementId();
      const payment = settlementFacts(this.payment, {
        date: body.date,
        institutionId: body.institutionId,
        visit: body.visit,
        visitKind: visitKindOf(body.visit),
        ctx,
        result,
        request,
      });
      const response: SettlementResponse = {
        settlementId,
        requestId: body.requestId,
        reverses: null,
        personId: body.personId,
        institutionId: body.institutionId,
        date: body.date,
        ...result,
      };
      const json = JSON.stringify(response);
      const amountsFen = amountsInFen(result);
      const afterFen = accumulatorsInFen(result.ytd);
      try {
        const written = await this.writes.submit({
          id: settlementId,
          personId: body.personId,
          institutionId: body.institutionId,
          requestId: body.requestId,
          requestHash: hash,
          date: body.date,
          year,
          visitKind: visitKindOf(body.visit),
          benefitGroup: result.benefitGroup,
          reverses: null,
          policyVersion: result.policyVersion,
          policyHash: result.policyHash,
          amountsFen,
          expectedVersion: ctx.person.version,
          accountDeltaFen: -amountsFen.accountPay,
          accumulatorsAfterFen: afterFen,
          ytdDeltaFen: minus(afterFen, ctx.accumulatorsFen),
          visit: body.visit,
          result: response,
          resultJson: json,
          requestJson: storedRequestJson(request),
          dispensings,
          lines: itemLines(request['items'], result),
          firstOpenMonth: ctx.payment.firstOpenMonth,
          payment,
        });
        return written ? { status: 201 as const, body: response, json } : undefined;
      } catch (err) {
        // A concurrent request with this id won: the next attempt finds it and replays or refuses.
        if (isUniqueViolation(err, REQUEST_ID_UNIQUE)) return undefined;
        throw err;
      }
    });
  }

  /** 结算撤销: a new record with every amount negated; the accumulators and account move back. */
  async reverse(settlementId: string, body: ReversalBody): Promise<Answer> {
    const hash = requestHash({ reversalOf: settlementId, ...body });
    return withCasRetry(async () => {
      const ctx = await readReverseContext(this.db, { settlementId, requestId: body.requestId });
      if (ctx.previous !== undefined) return this.replay(ctx.previous, hash, body.requestId);
      const original = ctx.original;
      if (original === undefined) throw notFound('结算记录', 'settlementId', settlementId);
      if (original.reverses !== null)
        throw new ApiError(
          409,
          'reversal_of_reversal',
          `结算 ${settlementId} 本身是撤销记录，不能再撤销`,
          'settlementId',
        );
      if (original.reversedBy !== null)
        throw new ApiError(
          409,
          'already_reversed',
          `结算 ${settlementId} 已被撤销 (${original.reversedBy})`,
          'settlementId',
        );
      const afterFen = minus(original.accumulatorsFen, original.ytdDeltaFen);
      const reversalId = newSettlementId();
      const response = negateResponse(original.response, {
        settlementId: reversalId,
        requestId: body.requestId,
        reverses: settlementId,
        ytd: accumulatorsInYuan(afterFen),
      });
      const negatedFen = {} as Amounts;
      for (const [name] of AMOUNT_COLUMNS) negatedFen[name] = -toFen(Number(original.response[name] ?? 0));
      try {
        const written = await writeSettlement(this.db, {
          id: reversalId,
          personId: original.personId,
          institutionId: response.institutionId,
          requestId: body.requestId,
          requestHash: hash,
          date: response.date,
          year: original.year,
          visitKind: original.visitKind,
          benefitGroup: original.benefitGroup,
          reverses: settlementId,
          policyVersion: original.policyVersion,
          policyHash: original.policyHash,
          amountsFen: negatedFen,
          expectedVersion: original.version,
          accountDeltaFen: original.accountPayFen,
          accumulatorsAfterFen: afterFen,
          ytdDeltaFen: minus(afterFen, original.accumulatorsFen),
          visit: { reversalOf: settlementId },
          result: response,
          requestJson: null,
          // the quantities the original dispensed go back to its e-prescription
          dispensings: original.dispensings.map((d) => ({ ...d, quantity: -d.quantity })),
          lines: negateLines(original.lines),
          firstOpenMonth: ctx.firstOpenMonth,
          payment: reversalFacts(original.paymentFacts, original.date, ctx.firstOpenMonth),
        });
        return written ? { status: 201 as const, body: response } : undefined;
      } catch (err) {
        if (isUniqueViolation(err, REQUEST_ID_UNIQUE)) return undefined;
        if (isUniqueViolation(err, 'settlements_reversed_once'))
          throw new ApiError(409, 'already_reversed', `结算 ${settlementId} 已被撤销`, 'settlementId');
        throw err;
      }
    });
  }

  /** The stored settlement or reversal, as answered, with who reversed it if anyone did. */
  async get(settlementId: string): Promise<SettlementResponse> {
    const rows = await this.db.query<{ result: SettlementResponse; reversed_by: string | null }>(
      `SELECT s.result, (SELECT r.id FROM settlements r WHERE r.person_id = s.person_id AND r.reverses = s.id) AS reversed_by
       FROM settlements s WHERE s.id = $1`,
      [settlementId],
    );
    const row = rows[0];
    if (row === undefined) throw notFound('结算记录', 'settlementId', settlementId);
    return { ...row.result, reversedBy: row.reversed_by };
  }

  private async replay(previous: PreviousUse, hash: string, requestId: string): Promise<Answer> {
    if (previous.requestHash !== hash)
      throw new ApiError(
        409,
        'request_id_reused',
        `请求流水号 ${requestId} 已用于另一笔不同的请求`,
        'requestId',
      );
    const stored = await findSettlementResponse(this.db, previous.settlementId);
    if (stored === undefined) throw new ApiError(500, 'internal', '内部错误');
    return { status: 200, body: stored as SettlementResponse };
  }
}

/**
 * The resolved request as stored (settlements.request): every fact the engine used. An item keeps
 * only what the settlement's stored lines do not already hold (their code, name, kind, quantity and
 * price: store/settlement-writes.ts), and none of the fields that hold the engine's own default;
 * settle/replay.ts puts the two back together — the same request to the engine, half the bytes on
 * every settlement row.
 */
function storedRequestJson(request: Record<string, unknown>): string {
  const items = request['items'];
  if (!Array.isArray(items)) return JSON.stringify(request);
  return JSON.stringify({ ...request, items: (items as unknown[]).map(storedItem) });
}

function visitKindOf(visit: unknown): string {
  const kind = visit !== null && typeof visit === 'object' ? (visit as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? kind : '';
}
