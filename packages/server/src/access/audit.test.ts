// 审计日志 (issue 13, R-F4): every write and sensitive read is logged with the authenticated actor
// and its outcome, refusals too; the log is append-only in the database and hash-chained, so a
// changed row, a rewritten row and a deleted tail are each found by `yibao audit verify` at the
// right place; concurrent requests keep one intact chain; nothing personal or secret is written.
import type { Role } from '@yibao/api/constants';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import type { Database } from '../db/types.js';
import { build } from '../http/app.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { INSTITUTIONS } from '../testing/fixtures.js';
import type { AuditRecord } from './audit-hash.js';
import { entryHash } from './audit-hash.js';
import { verifyAuditLog } from './audit-verify.js';
import { AuditWriter } from './audit-writer.js';
import type { Identity } from './identity.js';
import type { Authenticator } from './install.js';

/** `x-test-as: officer:<role>` or `institution:<id>`: what a real scheme would have verified. */
const testAuthenticator: Authenticator = {
  name: 'test',
  applies: (request) => typeof request.headers['x-test-as'] === 'string',
  authenticate: (request: FastifyRequest): Promise<Identity> => {
    const [kind, rest = ''] = String(request.headers['x-test-as']).split(':');
    if (kind === 'institution')
      return Promise.resolve({ kind: 'institution', institutionId: rest, keyId: 'k1', via: 'hmac' });
    return Promise.resolve({
      kind: 'officer',
      accountId: `a-${rest}`,
      username: rest,
      roles: [rest as Role],
      institutionId: null,
      via: 'bearer',
    });
  },
};

const record = (n: number): AuditRecord => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  actor: 'officer:wang',
  ip: '10.0.0.1',
  action: 'POST /api/v1/persons',
  target: null,
  status: 201,
  outcome: 'ok',
  detail: { body: { id: `R${n}` } },
});

interface AuditRowText {
  chain_id: string;
  seq: number;
  actor: string;
  action: string;
  target: string | null;
  status: number | null;
  outcome: string;
  detail: unknown;
}

describe.each(testDrivers())('the audit log on $kind', (driver) => {
  describe('the chain', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await driver.create();
    });
    afterAll(async () => t.dispose());

    /** A fresh log: each tampering test works on its own chains. */
    const fresh = async (): Promise<void> => {
      await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await t.db.exec('ALTER TABLE audit_anchors DISABLE TRIGGER audit_anchors_append_only');
      await t.db.exec('DELETE FROM audit_log; DELETE FROM audit_anchors');
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      await t.db.exec('ALTER TABLE audit_anchors ENABLE TRIGGER audit_anchors_append_only');
    };
    /** As a superuser would: the trigger off, the statement, the trigger on again. */
    const asSuperuser = async (sql: string, params: unknown[] = []): Promise<void> => {
      await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      try {
        await t.db.query(sql, params);
      } finally {
        await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      }
    };
    const writeChain = async (n: number, anchorEvery = 1000): Promise<AuditWriter> => {
      const writer = new AuditWriter(t.db, { anchorEvery, anchorMs: 3_600_000 });
      for (let i = 1; i <= n; i++) await writer.append(record(i));
      return writer;
    };

    it('verifies, chain after chain: each new chain names the anchor before it', async () => {
      await fresh();
      const first = await writeChain(5);
      await first.close();
      const second = await writeChain(3);
      await second.close();
      expect(await verifyAuditLog(t.db)).toEqual({ ok: true, entries: 10, chains: 2 });
      const [start] = await t.db.query<{ detail: { previousAnchor: { chainId: string; seq: number } } }>(
        'SELECT detail FROM audit_log WHERE chain_id = $1 AND seq = 1',
        [second.chainId],
      );
      expect(start?.detail.previousAnchor).toMatchObject({ chainId: first.chainId, seq: 6 });
    });

    it('writes the entries of concurrent callers together (group commit), each waiting for its own', async () => {
      await fresh();
      let inserts = 0;
      const counting = {
        query: <Row extends object>(sql: string, params?: readonly unknown[]) => {
          if (sql.includes('INSERT INTO audit_log')) inserts += 1;
          return t.db.query<Row>(sql, params);
        },
      };
      const writer = new AuditWriter(counting);
      await Promise.all(Array.from({ length: 50 }, (_, i) => writer.append(record(i + 1))));
      // The first entry goes at once; the 49 that queued behind it go in the next statement.
      expect(inserts).toBeLessThanOrEqual(3);
      expect(await t.db.query('SELECT 1 FROM audit_log WHERE chain_id = $1', [writer.chainId])).toHaveLength(
        51,
      );
      await writer.close();
      expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true, entries: 51 });
    });

    it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
      for (const sql of [
        "UPDATE audit_log SET actor = 'x'",
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
        'DELETE FROM audit_anchors',
      ])
        await expect(t.db.query(sql), sql).rejects.toThrow(/append-only/);
      expect((await verifyAuditLog(t.db)).ok).toBe(true);
    });

    it('finds a changed row at its seq (a superuser disabled the trigger and rewrote the actor)', async () => {
      await fresh();
      const writer = await writeChain(6);
      await writer.close();
      await asSuperuser(
        "UPDATE audit_log SET actor = 'officer:someone-else' WHERE chain_id = $1 AND seq = 4",
        [writer.chainId],
      );
      const result = await verifyAuditLog(t.db);
      expect(result).toMatchObject({
        ok: false,
        broken: { chainId: writer.chainId, seq: 4, problem: 'hash' },
      });
      expect(result.entries).toBe(3);
    });

    it('finds a row rewritten with a recomputed hash at the next seq, and at the anchor when it is the last', async () => {
      await fresh();
      const writer = await writeChain(6);
      await writer.close();
      const rewrite = async (seq: number): Promise<void> => {
        const [row] = await t.db.query<{ prev_hash: string }>(
          'SELECT prev_hash FROM audit_log WHERE chain_id = $1 AND seq = $2',
          [writer.chainId, seq],
        );
        const forged: AuditRecord = { ...record(seq - 1), actor: 'officer:forger' };
        const hash = entryHash(forged, writer.chainId, seq, row?.prev_hash ?? '');
        await asSuperuser(
          `UPDATE audit_log SET at = $3::timestamptz, actor = $4, detail = $5::jsonb, hash = $6
           WHERE chain_id = $1 AND seq = $2`,
          [writer.chainId, seq, forged.at, forged.actor, JSON.stringify(forged.detail), hash],
        );
      };
      await rewrite(3);
      expect(await verifyAuditLog(t.db)).toMatchObject({
        ok: false,
        broken: { chainId: writer.chainId, seq: 4, problem: 'prev_hash' },
      });
      await fresh();
      const other = await writeChain(4);
      await other.close(); // anchors seq 5, the last
      const [row] = await t.db.query<{ prev_hash: string }>(
        'SELECT prev_hash FROM audit_log WHERE chain_id = $1 AND seq = 5',
        [other.chainId],
      );
      const forged: AuditRecord = { ...record(4), actor: 'officer:forger' };
      await asSuperuser('UPDATE audit_log SET actor = $3, hash = $4 WHERE chain_id = $1 AND seq = $2', [
        other.chainId,
        5,
        forged.actor,
        entryHash(forged, other.chainId, 5, row?.prev_hash ?? ''),
      ]);
      expect(await verifyAuditLog(t.db)).toMatchObject({
        ok: false,
        broken: { chainId: other.chainId, seq: 5, problem: 'anchor' },
      });
    });

    it('finds a deleted tail by the anchor past it', async () => {
      await fresh();
      const writer = await writeChain(9, 4); // anchors every 4 entries
      await writer.close();
      await asSuperuser('DELETE FROM audit_log WHERE chain_id = $1 AND seq > 6', [writer.chainId]);
      expect(await verifyAuditLog(t.db)).toMatchObject({
        ok: false,
        broken: { chainId: writer.chainId, seq: 7, problem: 'anchor' },
      });
    });

    it('finds a row deleted from the middle, and a whole earlier chain deleted', async () => {
      await fresh();
      const writer = await writeChain(5);
      await writer.close();
      await asSuperuser('DELETE FROM audit_log WHERE chain_id = $1 AND seq = 3', [writer.chainId]);
      expect(await verifyAuditLog(t.db)).toMatchObject({
        ok: false,
        broken: { chainId: writer.chainId, seq: 3, problem: 'missing' },
      });

      await fresh();
      const first = await writeChain(2);
      await first.close();
      const second = await writeChain(2);
      await second.close();
      await asSuperuser('DELETE FROM audit_log WHERE chain_id = $1', [first.chainId]);
      await t.db.exec('ALTER TABLE audit_anchors DISABLE TRIGGER audit_anchors_append_only');
      await t.db.query('DELETE FROM audit_anchors WHERE chain_id = $1', [first.chainId]);
      await t.db.exec('ALTER TABLE audit_anchors ENABLE TRIGGER audit_anchors_append_only');
      expect(await verifyAuditLog(t.db)).toMatchObject({
        ok: false,
        broken: { chainId: second.chainId, seq: 1, problem: 'start' },
      });
    });
  });

  describe('through the service', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(driver, { enforceAccess: true, authenticators: [testAuthenticator] });
      for (const payload of INSTITUTIONS)
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/institutions',
          payload,
          headers: { 'x-test-as': 'officer:officer' },
        });
    });
    afterAll(async () => t.dispose());

    const rows = async (where = 'TRUE', params: unknown[] = []): Promise<AuditRowText[]> =>
      t.db.query<AuditRowText>(
        `SELECT chain_id, seq::int AS seq, actor, action, target, status, outcome, detail FROM audit_log
         WHERE ${where} ORDER BY at, seq`,
        params,
      );
    const as = (who: string | null, extra: Record<string, string> = {}): Record<string, string> =>
      who === null ? extra : { 'x-test-as': who, ...extra };

    it('logs a write with the authenticated actor, the route, the ids and the outcome', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        payload: { id: 'A001', name: '欧阳明月', scheme: 'resident', category: 'adult', region: 'demo' },
        headers: as('officer:officer', { 'x-yibao-actor': '冒名者' }),
      });
      expect(res.statusCode).toBe(201);
      const [entry] = await rows("action = 'POST /api/v1/persons' AND detail->'body'->>'id' = 'A001'");
      expect(entry).toMatchObject({
        actor: 'officer:officer',
        status: 201,
        outcome: 'ok',
        detail: { body: { id: 'A001' }, via: 'bearer' },
      });
      // The registry's history believes the identity too, not the header.
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons/A001/enrolments',
        payload: { validFrom: '2026-01-01' },
        headers: as('officer:officer', { 'x-yibao-actor': '冒名者' }),
      });
      const history = await t.app.inject({
        method: 'GET',
        url: '/api/v1/history/person_care/A001',
        headers: as('officer:officer'),
      });
      expect(history.json<{ items: { actor: string }[] }>().items.map((i) => i.actor)).toEqual([
        'officer:officer',
      ]);
      const [enrolment] = await rows("action = 'POST /api/v1/persons/:id/enrolments'");
      expect(enrolment).toMatchObject({ target: 'id=A001', actor: 'officer:officer' });
    });

    it('logs refusals: an anonymous write (401), a role without the permission (403), a bad body (400)', async () => {
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        payload: { id: 'A002' },
        headers: { authorization: 'Bearer not-a-real-token-0123' },
      });
      expect(anonymous.statusCode).toBe(401);
      const auditor = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons/R404/consents',
        payload: {},
        headers: as('officer:auditor'),
      });
      expect(auditor.statusCode).toBe(403);
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        payload: {
          id: 'A003',
          name: '钱七',
          scheme: 'resident',
          category: 'adult',
          region: 'demo',
          idNumber: '1',
        },
        headers: as('officer:officer'),
      });
      expect(bad.statusCode).toBe(400);
      const refused = await rows('status >= 400');
      expect(refused).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor: 'anonymous', status: 401, outcome: 'unauthenticated' }),
          expect.objectContaining({
            actor: 'officer:auditor',
            action: 'POST /api/v1/persons/:id/consents',
            target: 'id=R404',
            status: 403,
            outcome: 'forbidden',
          }),
          expect.objectContaining({ actor: 'officer:officer', status: 400, outcome: 'invalid' }),
        ]),
      );
    });

    it('logs sensitive reads (a person, the list, the audit log) and not the catalogue', async () => {
      await t.app.inject({ method: 'GET', url: '/api/v1/persons/A001', headers: as('officer:officer') });
      await t.app.inject({ method: 'GET', url: '/api/v1/persons?q=欧阳', headers: as('officer:officer') });
      await t.app.inject({ method: 'GET', url: '/api/v1/catalogue', headers: as('officer:officer') });
      const reads = await rows("action LIKE 'GET %'");
      expect(reads.map((r) => r.action)).toEqual(
        expect.arrayContaining(['GET /api/v1/persons/:id', 'GET /api/v1/persons']),
      );
      expect(reads.some((r) => r.action.includes('catalogue'))).toBe(false);
      // The list's filter is named, its text (part of a name) is not kept.
      expect(reads.find((r) => r.action === 'GET /api/v1/persons')?.detail).toMatchObject({ query: ['q'] });
    });

    it('answers the auditor (and logs that read), refuses an officer, filters and pages', async () => {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: as('officer:officer') }))
          .statusCode,
      ).toBe(403);
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit?actor=officer:auditor&pageSize=5',
        headers: as('officer:auditor'),
      });
      expect(res.statusCode).toBe(200);
      const page = res.json<{
        items: { actor: string; action: string }[];
        total: number;
        pageSize: number;
      }>();
      expect(page.pageSize).toBe(5);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((i) => i.actor === 'officer:auditor')).toBe(true);
      const byAction = await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit?action=${encodeURIComponent('/enrolments')}&from=2020-01-01&to=2999-01-01T00:00:00Z`,
        headers: as('officer:auditor'),
      });
      expect(byAction.json<{ items: { action: string }[] }>().items).toEqual([
        expect.objectContaining({
          action: 'POST /api/v1/persons/:id/enrolments',
          actor: 'officer:officer',
          target: 'id=A001',
          status: 201,
          outcome: 'ok',
          detail: { via: 'bearer' },
        }),
      ]);
      const future = await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit?from=2999-01-01',
        headers: as('officer:auditor'),
      });
      expect(future.json<{ total: number }>().total).toBe(0);
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/audit?from=yesterday',
            headers: as('officer:auditor'),
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (await rows("action = 'GET /api/v1/audit' AND actor = 'officer:auditor'")).length,
      ).toBeGreaterThan(0);
    });

    it('keeps one intact chain under concurrent requests', async () => {
      const before = (await rows()).length;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/persons',
            payload: { id: `K${i}`, name: '并发', scheme: 'resident', category: 'adult', region: 'demo' },
            headers: as('officer:officer'),
          }),
        ),
      );
      expect(results.every((r) => r.statusCode === 201)).toBe(true);
      const after = await rows();
      expect(after.length - before).toBe(40);
      const verified = await verifyAuditLog(t.db);
      expect(verified).toMatchObject({ ok: true, chains: 1, entries: after.length });
    });

    it.runIf(driver.kind === 'postgres')(
      'keeps two processes writing at once to two intact chains',
      async () => {
        const other = await t.another();
        const post = (app: typeof t.app, id: string) =>
          app.inject({
            method: 'POST',
            url: '/api/v1/persons',
            payload: { id, name: '双进程', scheme: 'resident', category: 'adult', region: 'demo' },
            headers: as('officer:officer'),
          });
        const answers = await Promise.all(
          Array.from({ length: 30 }, (_, i) => post(i % 2 === 0 ? t.app : other, `P2-${i}`)),
        );
        expect(answers.every((a) => a.statusCode === 201)).toBe(true);
        expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true, chains: 2 });
      },
    );

    it('never holds a full name, an ID number, a credential or a reveal reason outside its note', async () => {
      const idNumber = '11010519491231002X';
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/persons',
            payload: {
              id: 'S001',
              name: '司马相如',
              scheme: 'resident',
              category: 'adult',
              region: 'demo',
              idNumber,
            },
            headers: as('officer:officer', { authorization: 'Bearer secret-token-9f8e7d' }),
          })
        ).statusCode,
      ).toBe(201);
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/persons/S001?reveal=true&reason=${encodeURIComponent('核对身份')}`,
        headers: as('officer:officer'),
      });
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/persons?q=${encodeURIComponent('司马相如')}`,
        headers: as('officer:officer'),
      });
      // A sign-in's password: the attempt is logged (anonymous, refused), the password is not.
      const signIn = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'nobody', password: 'Secret-Pass-4711' },
      });
      expect(signIn.statusCode).toBe(401);
      expect(await rows("action = 'POST /api/v1/session'")).toEqual([
        expect.objectContaining({ actor: 'anonymous', status: 401 }),
      ]);
      const dump = JSON.stringify(await t.db.query('SELECT * FROM audit_log'));
      for (const secret of [
        '司马相如',
        '欧阳明月',
        idNumber,
        '1101051949',
        'secret-token-9f8e7d',
        '冒名者',
        'Secret-Pass-4711',
      ])
        expect(dump, secret).not.toContain(secret);
      const [reveal] = await rows("action = 'GET /api/v1/persons/:id' AND target = 'id=S001'");
      expect(reveal?.detail).toMatchObject({ note: { reveal: true, reason: '核对身份' } });
    });
  });

  describe('when the log cannot be written', () => {
    let t: TestDatabase;
    let failing = false;
    let app: Awaited<ReturnType<typeof build>>;
    beforeAll(async () => {
      t = await driver.create();
      const db: Database = {
        kind: t.db.kind,
        query: (sql, params, name) =>
          failing && sql.includes('INSERT INTO audit_log')
            ? Promise.reject(new Error('disk full'))
            : t.db.query(sql, params, name),
        transaction: (work) => t.db.transaction(work),
        exec: (sql) => t.db.exec(sql),
        close: () => t.db.close(),
      };
      const policy = loadPolicy(repositoryPolicyDir());
      app = await build({ db, calculate: policy.calculate, regions: policy.regions, policy, open: true });
    });
    afterAll(async () => {
      await app.close();
      await t.dispose();
    });
    const person = (id: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        payload: { id, name: '孙八', scheme: 'resident', category: 'adult', region: 'demo' },
      });
    const stored = async (id: string): Promise<number> =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons WHERE id = $1', [id]))[0]?.n ??
      -1;

    it('answers 503 audit_unavailable, refuses the next write before doing it, and recovers', async () => {
      expect((await person('F001')).statusCode).toBe(201);
      failing = true;
      const unaudited = await person('F002');
      expect(unaudited.statusCode).toBe(503);
      expect(unaudited.json()).toMatchObject({ error: { code: 'audit_unavailable' } });
      // The next write is refused before its handler runs: nothing stored.
      const refused = await person('F003');
      expect(refused.statusCode).toBe(503);
      expect(await stored('F003')).toBe(0);
      failing = false;
      // The log takes entries again: the write goes through, after an entry saying since when
      // entries may be missing.
      expect((await person('F004')).statusCode).toBe(201);
      expect(await stored('F004')).toBe(1);
      const actions = await t.db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq');
      expect(actions.map((a) => a.action)).toEqual([
        'audit.chain-start',
        'POST /api/v1/persons',
        'audit.resumed',
        'POST /api/v1/persons',
      ]);
      expect((await verifyAuditLog(t.db)).ok).toBe(true);
    });
  });
});
