import type { AccumulatorsBody, ErrorBody, PageBody, SettlementBody } from '../../testing/json.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { registerFixtures } from '../../testing/fixtures.js';

describe.each(testDrivers())('registration on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

  it('reads back an institution with its parent, and a pharmacy without a level', async () => {
    expect((await get('/institutions/C001-1')).json<SettlementBody>()).toEqual({
      id: 'C001-1',
      name: '东街社区卫生服务站',
      type: 'community_station',
      level: 'primary',
      county: '城关区',
      parentId: 'C001',
    });
    expect((await get('/institutions/P001')).json<SettlementBody>()).toMatchObject({
      type: 'pharmacy',
      level: null,
    });
  });

  it('treats registering the same facts again as a retry (200), different facts as a conflict (409)', async () => {
    const same = await post('/institutions', {
      id: 'C001',
      name: '东街社区卫生服务中心',
      type: 'community_centre',
      level: 'primary',
      county: '城关区',
    });
    expect(same.statusCode).toBe(200);
    const other = await post('/institutions', {
      id: 'C001',
      name: '别的机构',
      type: 'clinic',
      level: 'primary',
      county: '城关区',
    });
    expect(other.statusCode).toBe(409);
    expect(other.json<ErrorBody>()).toMatchObject({ error: { code: 'already_exists', field: 'id' } });
    const person = await post('/persons', {
      id: 'R001',
      name: '冒名',
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
    });
    expect(person.statusCode).toBe(409);
  });

  it('names the offending field of a bad registration and stores nothing', async () => {
    const cases: Array<[string, object, string]> = [
      ['/institutions', { id: 'X1', name: 'x', type: 'castle', level: 'primary', county: 'c' }, 'type'],
      ['/institutions', { id: 'X2', name: 'x', type: 'pharmacy', level: 'primary', county: 'c' }, 'level'],
      ['/institutions', { id: 'X3', type: 'clinic', level: 'primary', county: 'c' }, 'name'],
      [
        '/persons',
        { id: 'X4', name: 'x', scheme: 'resident', category: 'retired', region: 'demo' },
        'category',
      ],
      [
        '/persons',
        { id: 'X5', name: 'x', scheme: 'resident', category: 'adult', region: 'atlantis' },
        'region',
      ],
      [
        '/persons',
        {
          id: 'X6',
          name: 'x',
          scheme: 'employee',
          category: 'in_service',
          region: 'demo',
          accountBalance: 1.234,
        },
        'accountBalance',
      ],
      [
        '/persons',
        {
          id: 'X7',
          name: 'x',
          scheme: 'resident',
          category: 'adult',
          region: 'demo',
          chronicDiseases: ['diabetes'],
        },
        'chronicDiseases[0]',
      ],
      [
        '/persons',
        { id: 'X8', name: 'x', scheme: 'resident', category: 'adult', region: 'demo', nickname: 'y' },
        'nickname',
      ],
    ];
    for (const [url, payload, field] of cases) {
      const res = await post(url, payload);
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.json<ErrorBody>().error.field).toBe(field);
      expect(typeof res.json<ErrorBody>().error.message).toBe('string');
    }
    const stored = await t.db.query(
      "SELECT id FROM institutions WHERE id LIKE 'X%' UNION SELECT id FROM persons WHERE id LIKE 'X%'",
    );
    expect(stored).toEqual([]);
  });

  it('refuses a station whose centre is not registered, with a 404 naming parentId', async () => {
    const res = await post('/institutions', {
      id: 'S9',
      name: 'x',
      type: 'community_station',
      level: 'primary',
      county: 'c',
      parentId: 'NOPE',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.field).toBe('parentId');
  });

  it('answers 404 in the error shape for unknown ids', async () => {
    for (const url of [
      '/persons/NOBODY',
      '/institutions/NOWHERE',
      '/persons/NOBODY/accumulators?year=2026',
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('keeps the account balance in fen and gives it back in yuan', async () => {
    expect((await get('/persons/E001')).json<SettlementBody>()).toMatchObject({
      scheme: 'employee',
      accountBalance: 3000,
    });
    const rows = await t.db.query<{ balance_fen: number }>(
      "SELECT balance_fen FROM person_accounts WHERE person_id = 'E001'",
    );
    expect(rows[0]?.balance_fen).toBe(300000);
  });

  it('lists with paging and filters', async () => {
    const page = (await get('/persons?scheme=resident&pageSize=1&page=2')).json<
      PageBody<Record<string, string>>
    >();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    const stations = (await get('/institutions?parentId=C001')).json<PageBody<Record<string, string>>>();
    expect(stations.items.map((i) => i.id)).toEqual(['C001-1']);
    expect(
      (await get('/persons?chronicDisease=I10'))
        .json<PageBody<Record<string, string>>>()
        .items.map((p) => p.id),
    ).toEqual(['R002']);
  });

  it('gives zero accumulators for a year without settlements', async () => {
    expect((await get('/persons/R001/accumulators?year=2026')).json<AccumulatorsBody>()).toEqual({
      personId: 'R001',
      year: 2026,
      ytd: {
        outpatientDeductiblePaid: 0,
        outpatientFundPaid: 0,
        outpatientInScope: 0,
        chronicFundPaid: 0,
        specialDeductiblePaid: 0,
        inpatientFundPaid: 0,
      },
    });
  });
});
