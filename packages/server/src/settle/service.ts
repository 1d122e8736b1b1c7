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
import { coveredFacts, withFacts, withNotes } from './registry-gate.js';
import { withCasRetry } from './retry.js';
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

export class SettlementService {
  // Concurrent settlements share their reads and their writes (see batcher.ts); a few batches in
  // flight keep the pool busy without queueing on it.
  private readonly reads: Batcher<SettleContextKey, SettleContext>;
  private readonly writes: Batcher<SettlementWrite, boolean>;

  constructor(
    private readonly db: Database,
    private readonly calculate: Calculator,
  ) {
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

  /** The engine's answer, on the registry's facts when it has them. */
  private calculateWith(
    body: PreviewBody,
    facts: RegistryFacts | undefined,
    person: Parameters<typeof buildCalcRequest>[1],
    institution: Parameters<typeof buildCalcRequest>[2],
    accumulatorsFen: Accumulators,
  ): CalcResult {
    const request = buildCalcRequest(body, person, institution, accumulatorsFen);
    if (facts === undefined) return this.calculate(request);
    return withNotes(this.calculate(withFacts(request, facts)), facts);
  }

  /** 预结算: the engine's answer on today's accumulators; reads only, writes nothing. */
  async preview(body: PreviewBody): Promise<CalcResult> {
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
    return this.calculateWith(body, facts, ctx.person, ctx.institution, ctx.accumulatorsFen);
  }

  /** 结算: 201 with the new settlement, or 200 with the first answer when the request is a retry. */
  async settle(body: SettleBody): Promise<Answer> {
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
      const result = this.calculateWith(body, facts, ctx.person, ctx.institution, ctx.accumulatorsFen);
      const settlementId = newSettlementId();
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
          lines: itemLines(body.items, result),
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
          lines: negateLines(original.lines),
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

function visitKindOf(visit: unknown): string {
  const kind = visit !== null && typeof visit === 'object' ? (visit as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? kind : '';
}
