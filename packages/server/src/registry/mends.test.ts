// What a new user hit in the registry (issue 12 §4): overlapping assessments, returned applications,
// settlements before designation, termination that left stations settling, yearly renewal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { allCriteriaMet, client, indicators, terms, type Client } from './testing.js';

describe.each(testDrivers())('registry mends on $kind', (driver) => {
  let t: TestApp;
  let api: Client;
  beforeAll(async () => {
    t = await createTestApp(driver);
    api = client(t.app);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  it('R-A7: an assessment period that overlaps an assessed one of the agreement is refused', async () => {
    const signed = await api.post('/institutions/H002/agreements', {
      id: 'AGR-H002-A',
      year: 2026,
      signedOn: '2025-12-20',
      indicators,
      settlementTerms: terms,
    });
    expect(signed.statusCode).toBe(201);
    const first = await api.post('/agreements/AGR-H002-A/assessments', {
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      assessedOn: '2026-07-15',
    });
    expect(first.statusCode).toBe(201);
    const overlapping = await api.post('/agreements/AGR-H002-A/assessments', {
      periodFrom: '2026-04-01',
      periodTo: '2026-09-30',
      assessedOn: '2026-10-15',
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({ error: { code: 'assessment_overlap', field: 'periodFrom' } });
    const inside = await api.post('/agreements/AGR-H002-A/assessments', {
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      assessedOn: '2026-10-15',
    });
    expect(inside.statusCode).toBe(409);
    const next = await api.post('/agreements/AGR-H002-A/assessments', {
      periodFrom: '2026-07-01',
      periodTo: '2026-12-31',
      assessedOn: '2027-01-15',
    });
    expect(next.statusCode).toBe(201);
  });
});
