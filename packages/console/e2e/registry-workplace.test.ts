// The registry workplace in a real browser (issue 13 part 6): an officer reviews designation
// applications, suspends and resumes an agreement, signs a family-doctor contract for a person and
// records and files a referral — each through the console's forms, each checked afterwards through
// the API. A refusal of the service is shown under the field it names. Screenshots of every form go
// to e2e/screenshots/ to be looked at.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPrerequisites,
  launchChromium,
  screenshot,
  startConsoleService,
  type ConsoleService,
} from './harness.js';

interface Row {
  id: string;
  name: string;
}

describe('the registry workplace in Chromium', () => {
  let service: ConsoleService;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const url = (path: string): string => `${service.baseUrl}${path}`;
  const api = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(url(`/api/v1${path}`), {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const one = async <T extends object>(sql: string): Promise<T> => {
    const [row] = await service.db.query<T>(sql);
    if (row === undefined) throw new Error(`the seeded demo has no row for: ${sql}`);
    return row;
  };
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));

  /**
   * Picks an option of an antd Select by typing part of its label and pressing Enter once the
   * option is the active one (a click could land on the list of the select before, still fading).
   */
  const choose = async (select: Locator, typed: string, option: string): Promise<void> => {
    await select.click();
    await select.locator('input').fill(typed);
    await page
      .locator('.ant-select-item-option-active')
      .filter({ hasText: option, visible: true })
      .first()
      .waitFor();
    await select.locator('input').press('Enter');
    await expect.poll(async () => (await select.textContent()) ?? '').toContain(option);
  };
  /** Types a date into an antd DatePicker. */
  const setDate = async (picker: Locator, day: string): Promise<void> => {
    const input = picker.locator('xpath=descendant-or-self::input').first();
    await input.click();
    await input.fill(day);
    await input.press('Enter');
  };
  /** Confirms the shared dialog with a reason. */
  const confirmWith = async (testId: string, reason: string): Promise<void> => {
    await page.getByTestId(`${testId}-reason`).fill(reason);
    await page.getByTestId(`${testId}-ok`).click();
  };

  beforeAll(async () => {
    checkPrerequisites();
    [service, browser] = await Promise.all([
      startConsoleService({ persons: 120, visits: 200 }),
      launchChromium(),
    ]);
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  const quietly = async (close: () => Promise<void>): Promise<void> => {
    try {
      await close();
    } catch {
      // not started
    }
  };
  afterAll(async () => {
    await quietly(() => context.close());
    await quietly(() => browser.close());
    await quietly(() => service.close());
  });

  it('approves one application and returns another with its reason', async () => {
    // The demo's pending application (every criterion met), and a second one submitted here.
    await api('/applications', {
      id: 'APP-E2E-RET',
      institution: {
        id: 'E2E-CLINIC',
        name: '演示新设诊所',
        type: 'clinic',
        level: 'primary',
        county: '城关区',
      },
      submittedOn: today,
      criteria: [
        'local_plan',
        'staff_and_facilities',
        'service_scope',
        'price_rules',
        'finance_separation',
        'staff_trained',
        'it_settlement',
      ].map((item) => ({ item, met: item !== 'it_settlement', evidence: '现场核查' })),
    });

    await page.goto(url('/institutions?view=applications&state=submitted'));
    await page.getByTestId('application-table').locator('a', { hasText: 'APP-2026-001' }).click();
    await page.getByTestId('review-panel').waitFor();
    await page.getByTestId('review-reviewer').fill('审核员李');
    await screenshot(page, 'w01-application-review');
    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-confirm-reason').waitFor();
    await screenshot(page, 'w02-application-approve-dialog');
    await confirmWith('review-confirm', '七项定点条件均已满足，现场核查通过');
    await page.getByTestId('application-state').getByText('已批准').waitFor();
    const approved = await api<{ state: string; reviewer: string; decisionReason: string }>(
      '/applications/APP-2026-001',
    );
    expect(approved).toMatchObject({
      state: 'approved',
      reviewer: '审核员李',
      decisionReason: '七项定点条件均已满足，现场核查通过',
    });

    await page.goto(url('/institutions/applications/APP-E2E-RET'));
    await page.getByTestId('review-reviewer').fill('审核员李');
    await page.getByTestId('review-return').click();
    // No reason, no return: the dialog says so and sends nothing.
    await page.getByTestId('review-confirm-ok').click();
    await page.getByText('请填写原因').waitFor();
    await screenshot(page, 'w03-application-return-dialog');
    await confirmWith('review-confirm', '联网结算条件未达到，请补充信息系统验收材料');
    await page.getByTestId('application-state').getByText('退回补正').waitFor();
    // A returned application is open for resubmission, its checklist ready to amend.
    await page.getByTestId('resubmission').waitFor();
    await screenshot(page, 'w04-application-resubmission');
    const returned = await api<{ state: string; decisionReason: string }>('/applications/APP-E2E-RET');
    expect(returned).toMatchObject({
      state: 'returned',
      decisionReason: '联网结算条件未达到，请补充信息系统验收材料',
    });
    await page.getByTestId('record-history').getByText('联网结算条件未达到', { exact: false }).waitFor();

    // Recording a new application: the form, to be looked at.
    await page.goto(url('/institutions?view=applications'));
    await page.getByTestId('application-new').click();
    await page.getByTestId('new-application-form').waitFor();
    await screenshot(page, 'w00-application-new');
    await page.keyboard.press('Escape');
  });

  it('suspends an agreement and resumes it, each from a date with a reason', async () => {
    const hospital = await one<Row & { agreement: string }>(
      `SELECT i.id, i.name, a.id AS agreement FROM institutions i JOIN agreements a ON a.institution_id = i.id
       WHERE i.level = 'secondary' AND i.designation = 'designated' AND a.year = ${year}
       ORDER BY i.id LIMIT 1`,
    );
    const before = await api<{ stateOnDate: string }>(`/agreements/${hospital.agreement}`);
    expect(before.stateOnDate).toBe('active');

    await page.goto(url(`/institutions/${hospital.id}`));
    const actions = page.getByTestId(`agreement-actions-${hospital.agreement}`);
    await actions.waitFor();
    await screenshot(page, 'w05-agreements');
    await actions.getByTestId('agreement-suspend').click();
    await page.getByTestId('agreement-state-reason').waitFor();
    await screenshot(page, 'w06-agreement-suspend-dialog');
    await confirmWith('agreement-state', '年度考核发现违规结算，暂停整改');
    await actions.getByTestId('agreement-resume').waitFor();
    const suspended = await api<{ stateOnDate: string; states: { state: string; reason: string }[] }>(
      `/agreements/${hospital.agreement}`,
    );
    expect(suspended.stateOnDate).toBe('suspended');
    expect(suspended.states.at(-1)).toMatchObject({
      state: 'suspended',
      reason: '年度考核发现违规结算，暂停整改',
    });

    await actions.getByTestId('agreement-resume').click();
    await confirmWith('agreement-state', '整改完成，经复查恢复协议');
    await actions.getByTestId('agreement-suspend').waitFor();
    const resumed = await api<{ stateOnDate: string; states: { state: string; reason: string }[] }>(
      `/agreements/${hospital.agreement}`,
    );
    expect(resumed.stateOnDate).toBe('active');
    expect(resumed.states.at(-1)).toMatchObject({ state: 'active', reason: '整改完成，经复查恢复协议' });

    // The other agreement forms, opened to be looked at.
    await page.getByTestId('agreement-sign').click();
    await page.getByTestId('sign-agreement-form').waitFor();
    await screenshot(page, 'w07-agreement-sign');
    await page.keyboard.press('Escape');
    await actions.getByTestId('agreement-amend').click();
    await page.getByTestId('amend-agreement-form').waitFor();
    await screenshot(page, 'w08-agreement-amend');
    await page.keyboard.press('Escape');
  });

  it("signs a family-doctor contract for a person, and it is in the person's care record", async () => {
    const person = await one<Row>(
      `SELECT p.id, p.name FROM persons p
       WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM family_doctor_contracts c WHERE c.person_id = p.id)
       ORDER BY p.id LIMIT 1`,
    );
    const centre = await one<Row>(
      `SELECT id, name FROM institutions WHERE type = 'community_centre' AND designation = 'designated' ORDER BY id LIMIT 1`,
    );
    await page.goto(url(`/persons/${person.id}`));
    await page.getByTestId('care-workplace').waitFor();
    await page.getByTestId('care-open-contract').click();
    const dialog = page.getByTestId('care-contract-form');
    await dialog.waitFor();
    await choose(dialog.getByTestId('contract-centre'), centre.id, centre.id);
    await dialog.getByTestId('contract-doctor').fill('张家庭');
    // Not verified: refused before sending, under the checkbox.
    await page.getByTestId('care-contract-ok').click();
    await dialog.getByText('签约前须核验本人身份').waitFor();
    await dialog.getByTestId('contract-identity').check();
    await screenshot(page, 'w09-care-contract');
    await page.getByTestId('care-contract-ok').click();
    await page.getByTestId('care-in-force').getByText('张家庭', { exact: false }).waitFor();
    const care = await api<{
      contracts: { doctor: string; communityCentreId: string; endedOn: string | null }[];
    }>(`/persons/${person.id}/care`);
    expect(care.contracts).toContainEqual(
      expect.objectContaining({ doctor: '张家庭', communityCentreId: centre.id, endedOn: null }),
    );
    await page.getByTestId('care').getByText('张家庭', { exact: false }).waitFor();
    await screenshot(page, 'w10-person-care');

    // The other care forms, opened to be looked at.
    for (const form of ['certification', 'relocation', 'chosen'] as const) {
      await page.getByTestId(`care-open-${form === 'chosen' ? 'chosen' : form}`).click();
      await page.getByTestId(`care-${form}-form`).waitFor();
      await screenshot(page, `w11-care-${form}`);
      await page.keyboard.press('Escape');
      await page.getByTestId(`care-${form}-form`).waitFor({ state: 'detached' });
    }
    await page.getByTestId('contract-end').first().click();
    await page.getByTestId('care-end-reason').waitFor();
    await screenshot(page, 'w12-care-end-contract');
    await page.keyboard.press('Escape');
  });

  it('records a referral, shows the service’s refusal on its field, and files it', async () => {
    const person = await one<Row>(`SELECT id, name FROM persons ORDER BY id LIMIT 1`);
    const from = await one<Row>(
      `SELECT id, name FROM institutions WHERE type = 'community_centre' AND designation = 'designated' ORDER BY id LIMIT 1`,
    );
    const to = await one<Row>(
      `SELECT id, name FROM institutions WHERE level = 'secondary' AND designation = 'designated' ORDER BY id LIMIT 1`,
    );
    await page.goto(url('/referrals'));
    const form = page.getByTestId('referral-form');
    await form.waitFor();
    await choose(form.getByTestId('try-person'), person.id, person.id);
    await choose(form.getByTestId('referral-from'), from.id, from.id);
    // Referred to itself: the service refuses, and says so under 转入机构.
    await choose(form.getByTestId('referral-to'), from.id, from.id);
    await setDate(form.getByTestId('referral-valid-until'), `${year}-12-31`);
    await form.getByTestId('referral-id').fill('RF-E2E-1');
    await page.getByTestId('referral-submit').click();
    await form.locator('.ant-form-item-explain-error', { hasText: '转出与转入机构相同' }).waitFor();
    await screenshot(page, 'w13-referral-refused');

    await choose(form.getByTestId('referral-to'), to.id, to.id);
    await page.getByTestId('referral-submit').click();
    const view = page.getByTestId('referral-view');
    await view.getByText('RF-E2E-1').waitFor();
    await view.getByText('上转').waitFor();
    await view.getByTestId('referral-file').click();
    await page.getByTestId('referral-filing-ok').click();
    await view.getByTestId('referral-filed').waitFor();
    await screenshot(page, 'w14-referral');
    const referral = await api<{ direction: string; filed: boolean; filedOn: string; personId: string }>(
      '/referrals/RF-E2E-1',
    );
    expect(referral).toMatchObject({ direction: 'up', filed: true, personId: person.id });

    await page.goto(url('/referrals?tab=prescriptions'));
    await page.getByTestId('prescription-form').waitFor();
    await screenshot(page, 'w15-prescription');
  });

  it('labels the workplace in English', async () => {
    await page.goto(url('/institutions/applications/APP-E2E-RET'));
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('Resubmit after correction').first().waitFor();
    await screenshot(page, 'w16-resubmission-en');
    await page.goto(url('/referrals'));
    await page.getByText('Record a referral').first().waitFor();
    const text = (await page.getByTestId('page-referrals').textContent()) ?? '';
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('raised no error in the page along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
