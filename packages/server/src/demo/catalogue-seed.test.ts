// The demo region's catalogue as seed.ts records it: the demo catalogue loaded once (idempotent),
// the community centres' and stations' approved items (R-C3), and a stock list that holds every
// drug a primary visit bills, so R-D10 refuses none of the demo's own visits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import { readCatalogue } from '../registry/catalogue.js';
import { listCatalogueVersions } from '../store/catalogue/entries.js';
import { listsOf } from '../store/catalogue/institution-lists.js';
import { CONSULTATION, PRIMARY_DRUGS, PRIMARY_SERVICES } from './catalogue.js';
import { loadDemoCatalogue } from './catalogue-seed.js';
import { demoCatalogueEntries } from './catalogue-entries.js';
import { demoInstitutions } from './region.js';
import { registerDemoRegion } from './seed.js';
import { demoThroughYear } from './registry.js';
import { today } from '../domain/today.js';

describe.each(testDrivers())('demo catalogue seeding on $kind', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await driver.create();
    await registerDemoRegion(t.db, 40);
  });
  afterAll(async () => t.dispose());

  it('loads the demo catalogue as one version, and a second load changes nothing', async () => {
    const versions = await listCatalogueVersions(t.db);
    expect(versions.map((v) => v.id)).toEqual(['DEMO-2026']);
    const rows = await t.db.query<{ n: string | number }>('SELECT count(*) AS n FROM catalogue_entries');
    expect(Number(rows[0]?.n)).toBe(demoCatalogueEntries().length);
    expect(await loadDemoCatalogue(t.db, { actor: 'demo', reason: 'again' })).toEqual({
      added: 0,
      changed: 0,
      ended: 0,
    });
  });

  it('approves every community centre and station for the service items their visits bill', async () => {
    const community = demoInstitutions().filter(
      (i) => i.type === 'community_centre' || i.type === 'community_station',
    );
    expect(community.length).toBeGreaterThan(0);
    for (const i of community) {
      const { approvedServices } = await listsOf(t.db, i.id);
      for (const code of [CONSULTATION.code, ...PRIMARY_SERVICES.map((s) => s.code)])
        expect(approvedServices?.has(code)).toBe(true);
    }
    const hospital = demoInstitutions().find((i) => i.type === 'general_hospital');
    expect((await listsOf(t.db, hospital?.id ?? '')).approvedServices).toBeNull();
  });

  it('keeps the centre’s stock list by the catalogue’s codes, holding every drug its visits bill', async () => {
    const centre = demoInstitutions().find((i) => i.type === 'community_centre');
    const stock = await readCatalogue(t.db, centre?.id ?? '');
    expect(stock.drugs.map((d) => d.code).sort()).toEqual(PRIMARY_DRUGS.map((d) => d.code).sort());
    const held = new Set(demoCatalogueEntries().map((e) => e.code));
    for (const d of stock.drugs) expect(held.has(d.code)).toBe(true);
  });

  it('R-A6: signs the agreements and family-doctor contracts through the year after today', async () => {
    const through = demoThroughYear();
    expect(through).toBe(Number(today().slice(0, 4)) + 1);
    const agreements = await t.db.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM agreements WHERE year = $1',
      [through],
    );
    // every institution but the clinic whose agreement was terminated (not renewed) and any whose
    // designation was cancelled
    expect(Number(agreements[0]?.n)).toBeGreaterThan(demoInstitutions().length / 2);
    const contracts = await t.db.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM family_doctor_contracts WHERE valid_to < $1',
      [`${through}-12-31`],
    );
    expect(Number(contracts[0]?.n)).toBe(0);
  });
});
