// 个人信息保护 (R-B7): names and 身份证号 masked in every answer, the full view a deliberate act with
// a reason and the person.reveal permission, the ID number checked by its GB 11643 check digit,
// consents recorded and withdrawn, an institution reading a person only with a 'health' consent,
// and analysts' pseudonyms stable and keyed.
import type { Role } from '@yibao/api/constants';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { idNumberCheck } from '../domain/id-number.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { INSTITUTIONS } from '../testing/fixtures.js';
import type { Identity } from './identity.js';
import type { Authenticator } from './install.js';
import { maskIdNumber, maskName } from './masking.js';
import { pseudonymiser } from './pseudonym.js';

/** `x-test-as: officer:<role>`, `officer:institution_user@<id>` or `institution:<id>`. */
const testAuthenticator: Authenticator = {
  name: 'test',
  applies: (request) => typeof request.headers['x-test-as'] === 'string',
  authenticate: (request: FastifyRequest): Promise<Identity> => {
    const [kind, rest = ''] = String(request.headers['x-test-as']).split(':');
    if (kind === 'institution')
      return Promise.resolve({ kind: 'institution', institutionId: rest, keyId: 'k1', via: 'hmac' });
    const [role = '', institutionId] = rest.split('@');
    return Promise.resolve({
      kind: 'officer',
      accountId: `a-${role}`,
      username: role,
      roles: [role as Role],
      institutionId: institutionId ?? null,
      via: 'bearer',
    });
  },
};

/** A valid 18-digit number for the birth date, with its check character. */
const idFor = (birth: string, seq = '123'): string => {
  const first17 = `330106${birth.replaceAll('-', '')}${seq}`;
  return `${first17}${idNumberCheck(first17)}`;
};

describe('masking (one rule for every answer)', () => {
  it('keeps the first and last character of a name, the first only of a two-character name', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明月')).toBe('欧**月');
    expect(maskName('王')).toBe('*');
    expect(maskName('𠮷野家')).toBe('𠮷*家'); // a character outside the BMP is one character
  });
  it('keeps the first and last four of an ID number', () => {
    expect(maskIdNumber('330106199001011234')).toBe('3301**********1234');
    expect(maskIdNumber('12345678')).toBe('********');
  });
});

describe.each(testDrivers())('personal data on $kind', (driver) => {
  let t: TestApp;
  const idNumber = idFor('1990-01-01');
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

  const call = (method: 'GET' | 'POST', url: string, as: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { 'x-test-as': as } });
  const register = (id: string, name: string, extra: object = {}) =>
    call('POST', '/api/v1/persons', 'officer:officer', {
      id,
      name,
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
      ...extra,
    });

  it('checks the ID number: check character, birth date (400 naming idNumber)', async () => {
    const wrongCheck = `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`;
    for (const bad of [wrongCheck, idFor('1990-02-30'), idFor('2999-01-01'), idFor('1850-01-01')]) {
      const res = await register('B001', '钱七', { idNumber: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ error: { field: 'idNumber', code: 'invalid_id_number' } });
    }
    const malformed = await register('B001', '钱七', { idNumber: '33010619900101' });
    expect(malformed.json()).toMatchObject({ error: { field: 'idNumber' } });
    expect((await t.db.query("SELECT 1 FROM persons WHERE id = 'B001'")).length).toBe(0);
    // The number's birth date and sex (17th digit odd: a man) must agree with the registration's.
    for (const extra of [{ birthDate: '1991-01-01' }, { sex: 'female' }]) {
      const res = await register('B001', '钱七', { idNumber, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json()).toMatchObject({ error: { field: 'idNumber', code: 'invalid_id_number' } });
    }
    expect((await t.db.query("SELECT 1 FROM persons WHERE id = 'B001'")).length).toBe(0);
    // A lower-case x is the same check character, stored upper-case.
    expect((await register('B002', '孙八', { idNumber: '11010519491231002x' })).statusCode).toBe(201);
    expect(await t.db.query("SELECT id_number FROM persons WHERE id = 'B002'")).toEqual([
      { id_number: '11010519491231002X' },
    ]);
  });

  it('masks the name and ID number in the registration answer, the list and the detail', async () => {
    const created = await register('M001', '张三丰', { idNumber });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '张*丰',
      idNumber: '3301**********' + idNumber.slice(-4),
      revealed: false,
    });
    const detail = (await call('GET', '/api/v1/persons/M001', 'officer:officer')).json();
    expect(detail).toMatchObject({
      name: '张*丰',
      idNumber: `3301**********${idNumber.slice(-4)}`,
      revealed: false,
    });
    const list = (await call('GET', '/api/v1/persons?q=M001', 'officer:officer')).json<{ items: object[] }>();
    expect(list.items).toEqual([expect.objectContaining({ id: 'M001', name: '张*丰', revealed: false })]);
    const plain = await register('M002', '李四');
    expect(plain.json()).toMatchObject({ name: '李*', idNumber: null });
    // Registering the same person again answers the stored record, masked.
    const again = await register('M001', '张三丰', { idNumber });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ name: '张*丰' });
  });

  it('reveals only with person.reveal and a reason of at least 4 characters, and logs the reason', async () => {
    const noReason = await call('GET', '/api/v1/persons/M001?reveal=true', 'officer:officer');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { field: 'reason' } });
    const short = await call(
      'GET',
      `/api/v1/persons/M001?reveal=true&reason=${encodeURIComponent('核对')}`,
      'officer:officer',
    );
    expect(short.statusCode).toBe(400);
    // 稽核 reads, masked; the full view is not theirs.
    expect((await call('GET', '/api/v1/persons/M001', 'officer:auditor')).statusCode).toBe(200);
    const auditor = await call(
      'GET',
      `/api/v1/persons/M001?reveal=true&reason=${encodeURIComponent('抽查核对身份')}`,
      'officer:auditor',
    );
    expect(auditor.statusCode).toBe(403);
    const full = await call(
      'GET',
      `/api/v1/persons/M001?reveal=true&reason=${encodeURIComponent('电话核对身份')}`,
      'officer:officer',
    );
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ name: '张三丰', idNumber, revealed: true });
    const logged = await t.db.query<{ actor: string; detail: { note?: { reason?: string } } }>(
      "SELECT actor, detail FROM audit_log WHERE action = 'GET /api/v1/persons/:id' AND status = 200 AND detail ? 'note'",
    );
    expect(logged).toEqual([
      expect.objectContaining({
        actor: 'officer:officer',
        detail: expect.objectContaining({ note: { reveal: true, reason: '电话核对身份' } }),
      }),
    ]);
  });

  it('records consents (officers), lists them, and refuses bad ones', async () => {
    const body = { institutionId: 'C001', scope: 'health', validFrom: '2020-01-01', validTo: '2099-12-31' };
    expect((await call('POST', '/api/v1/persons/M001/consents', 'officer:auditor', body)).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/api/v1/persons/M001/consents', 'institution:C001', body)).statusCode).toBe(
      403,
    );
    const backwards = await call('POST', '/api/v1/persons/M001/consents', 'officer:officer', {
      ...body,
      validTo: '2019-12-31',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ error: { field: 'validTo' } });
    const unknown = await call('POST', '/api/v1/persons/M001/consents', 'officer:officer', {
      ...body,
      institutionId: 'X999',
    });
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found', field: 'institutionId' } });
    expect((await call('POST', '/api/v1/persons/NOPE/consents', 'officer:officer', body)).statusCode).toBe(
      404,
    );
    const badScope = await call('POST', '/api/v1/persons/M001/consents', 'officer:officer', {
      ...body,
      scope: 'all',
    });
    expect(badScope.json()).toMatchObject({ error: { field: 'scope' } });
    expect((await t.db.query("SELECT 1 FROM person_consents WHERE person_id = 'M001'")).length).toBe(0);
    const created = await call('POST', '/api/v1/persons/M001/consents', 'officer:officer', {
      ...body,
      reference: 'SQ-2026-001',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      personId: 'M001',
      institutionId: 'C001',
      scope: 'health',
      recordedBy: 'officer:officer',
      reference: 'SQ-2026-001',
      withdrawnAt: null,
      active: true,
    });
    const list = await call('GET', '/api/v1/persons/M001/consents', 'officer:auditor');
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it("lets an institution read a person only with the person's health consent to it, in force today", async () => {
    // M002 has none: 403 consent_required for the institution's system and for its 机构用户.
    for (const as of ['institution:C001', 'officer:institution_user@C001']) {
      const res = await call('GET', '/api/v1/persons/M002', as);
      expect(res.statusCode, as).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'consent_required' } });
    }
    // M001 consented to C001 (health), not to H001; an 'insurance' consent and an expired one do not count.
    await call('POST', '/api/v1/persons/M001/consents', 'officer:officer', {
      institutionId: 'H001',
      scope: 'insurance',
      validFrom: '2020-01-01',
      validTo: '2099-12-31',
    });
    await call('POST', '/api/v1/persons/M001/consents', 'officer:officer', {
      institutionId: 'H001',
      scope: 'health',
      validFrom: '2020-01-01',
      validTo: '2020-12-31',
    });
    expect((await call('GET', '/api/v1/persons/M001', 'institution:H001')).statusCode).toBe(403);
    const own = await call('GET', '/api/v1/persons/M001', 'institution:C001');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ name: '张*丰', revealed: false });
    expect((await call('GET', '/api/v1/persons/M001', 'officer:institution_user@C001')).statusCode).toBe(200);
    // Not the full view, not the list.
    expect(
      (
        await call(
          'GET',
          `/api/v1/persons/M001?reveal=true&reason=${encodeURIComponent('就诊核对身份')}`,
          'institution:C001',
        )
      ).statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/v1/persons', 'institution:C001')).statusCode).toBe(403);
  });

  it('withdraws a consent once (409 the second time), after which the institution is refused', async () => {
    const list = (await call('GET', '/api/v1/persons/M001/consents', 'officer:officer')).json<{
      items: { id: string; institutionId: string; scope: string; active: boolean }[];
    }>();
    const consent = list.items.find((c) => c.institutionId === 'C001' && c.scope === 'health');
    expect(consent?.active).toBe(true);
    const url = `/api/v1/persons/M001/consents/${consent?.id ?? ''}/withdrawal`;
    expect((await call('POST', url, 'officer:officer', {})).statusCode).toBe(400);
    const withdrawn = await call('POST', url, 'officer:officer', { reason: '本人书面撤回' });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      withdrawnBy: 'officer:officer',
      withdrawalReason: '本人书面撤回',
      active: false,
    });
    expect((await call('POST', url, 'officer:officer', { reason: '再次撤回' })).statusCode).toBe(409);
    expect(
      (
        await call('POST', '/api/v1/persons/M001/consents/nope/withdrawal', 'officer:officer', {
          reason: '撤回',
        })
      ).statusCode,
    ).toBe(404);
    const refused = await call('GET', '/api/v1/persons/M001', 'institution:C001');
    expect(refused.json()).toMatchObject({ error: { code: 'consent_required' } });
  });

  it('gives analysts stable, keyed pseudonyms: the same across restarts, another on another database', async () => {
    const first = await pseudonymiser(t.db);
    const afterRestart = await pseudonymiser(t.db);
    expect(first('M001')).toBe(afterRestart('M001'));
    expect(first('M001')).toMatch(/^ps_[0-9a-f]{24}$/);
    expect(first('M001')).not.toBe(first('M002'));
    expect(first('M001')).not.toContain('M001');
    const other = await driver.create();
    try {
      expect((await pseudonymiser(other.db))('M001')).not.toBe(first('M001'));
    } finally {
      await other.dispose();
    }
  });
});
