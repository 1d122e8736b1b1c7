// 登录会话 against the clock: 30 idle minutes and 8 hours end a session, the lock lifts after 15
// minutes, last-seen is written at most once a minute. The clock is passed in, as the service's is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import { createAdmin } from './accounts.js';
import { openSession, signIn, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions.js';

const MINUTE = 60_000;
const client = { ip: '127.0.0.1', userAgent: 'vitest' };
const at = (base: Date, ms: number): Date => new Date(base.getTime() + ms);

describe.each(testDrivers())('sessions over time on $kind', (driver) => {
  let t: TestDatabase;
  let password = '';
  beforeAll(async () => {
    t = await driver.create();
    password = (await createAdmin(t.db, { username: 'clock', operator: 'tester' })).password;
  });
  afterAll(async () => t.dispose());

  const read = { method: 'GET', csrfToken: undefined };
  const lastSeen = async (): Promise<number[]> =>
    (
      await t.db.query<{ last_seen_at: Date }>(
        `SELECT s.last_seen_at FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE a.username = 'clock' AND s.ended_at IS NULL ORDER BY s.created_at DESC LIMIT 1`,
      )
    ).map((r) => new Date(r.last_seen_at).getTime());

  it('ends a session after 30 idle minutes, and writes last-seen at most once a minute', async () => {
    const start = new Date('2026-03-02T01:00:00Z');
    const { sessionId } = await signIn(t.db, { username: 'clock', password }, client, start);
    await openSession(t.db, sessionId, read, at(start, 30 * 1000));
    expect(await lastSeen()).toEqual([start.getTime()]); // 30 s: not written
    await openSession(t.db, sessionId, read, at(start, 20 * MINUTE));
    expect(await lastSeen()).toEqual([at(start, 20 * MINUTE).getTime()]);
    // Exactly 30 idle minutes is still within the limit (and touches it); 31 after that is not.
    await openSession(t.db, sessionId, read, at(start, 20 * MINUTE + SESSION_IDLE_MS));
    await expect(
      openSession(t.db, sessionId, read, at(start, 20 * MINUTE + 2 * SESSION_IDLE_MS + MINUTE)),
    ).rejects.toMatchObject({ code: 'session_expired' });
    // Once ended it stays ended, even at an earlier clock.
    await expect(openSession(t.db, sessionId, read, at(start, 21 * MINUTE))).rejects.toMatchObject({
      code: 'session_expired',
    });
  });

  it('ends a session 8 hours after sign-in however busy it has been', async () => {
    const start = new Date('2026-03-03T01:00:00Z');
    const { sessionId } = await signIn(t.db, { username: 'clock', password }, client, start);
    for (let m = 20; m < SESSION_ABSOLUTE_MS / MINUTE; m += 20)
      await openSession(t.db, sessionId, read, at(start, m * MINUTE));
    await expect(openSession(t.db, sessionId, read, at(start, SESSION_ABSOLUTE_MS))).rejects.toMatchObject({
      code: 'session_expired',
    });
  });

  it('asks a write for the session’s CSRF token', async () => {
    const start = new Date('2026-03-04T01:00:00Z');
    const { sessionId, answer } = await signIn(t.db, { username: 'clock', password }, client, start);
    await expect(
      openSession(t.db, sessionId, { method: 'POST', csrfToken: undefined }, start),
    ).rejects.toMatchObject({ kind: 'forbidden', code: 'csrf' });
    await expect(
      openSession(t.db, sessionId, { method: 'PUT', csrfToken: `${answer.csrfToken ?? ''}x` }, start),
    ).rejects.toMatchObject({ code: 'csrf' });
    const ok = await openSession(
      t.db,
      sessionId,
      { method: 'DELETE', csrfToken: answer.csrfToken ?? '' },
      start,
    );
    expect(ok.account.username).toBe('clock');
  });

  it('lifts the lock 15 minutes after the fifth wrong password, and counts afresh', async () => {
    const start = new Date('2026-03-05T01:00:00Z');
    const attempt = (pw: string, when: Date) =>
      signIn(t.db, { username: 'clock', password: pw }, client, when);
    for (let i = 0; i < 4; i++)
      await expect(attempt('wrong-password-000', at(start, i * 1000))).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
    await expect(attempt('wrong-password-000', at(start, 5000))).rejects.toMatchObject({
      code: 'account_locked',
      retryAfterSeconds: 15 * 60,
    });
    await expect(attempt(password, at(start, 14 * MINUTE))).rejects.toMatchObject({ code: 'account_locked' });
    // After the 15 minutes: one wrong password is one, not a sixth; the right one signs in.
    await expect(attempt('wrong-password-000', at(start, 16 * MINUTE))).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    const signedIn = await attempt(password, at(start, 17 * MINUTE));
    expect(signedIn.answer.account.username).toBe('clock');
  });
});
