// What the institutions' schemes share once a request names a key: the timestamp within the window,
// a credential that exists and is in force, and a nonce not seen before. Each scheme checks its own
// signature between the credential and the nonce, so a forger cannot use up a real client's nonces.
import { Unauthenticated } from '../domain/errors.js';
import type { StoredCredential } from '../store/access/credentials.js';
import { statusOf, type CredentialLookup } from './credentials.js';
import type { NonceGuard } from './nonce-guard.js';
import { nowSeconds, parseTimestamp, TIMESTAMP_WINDOW_SECONDS } from './signing.js';

/** The timestamp as unix seconds, refused (401 stale_timestamp) outside ±TIMESTAMP_WINDOW_SECONDS. */
export function freshTimestamp(value: string, field: string): number {
  const seconds = parseTimestamp(value);
  if (seconds === undefined)
    throw new Unauthenticated('stale_timestamp', `${field} 须为 Unix 时间戳（秒）`, field);
  if (Math.abs(nowSeconds() - seconds) > TIMESTAMP_WINDOW_SECONDS)
    throw new Unauthenticated(
      'stale_timestamp',
      `${field} 与服务器时间相差超过 ${TIMESTAMP_WINDOW_SECONDS} 秒，请校准时钟后重新签名`,
      field,
    );
  return seconds;
}

/** The credential named by the request, in force now: unknown_key, revoked_key or expired_key otherwise. */
export async function credentialInForce(
  lookup: CredentialLookup,
  keyId: string,
  field: string,
): Promise<StoredCredential> {
  const credential = await lookup.get(keyId);
  if (credential === undefined) throw new Unauthenticated('unknown_key', `凭证编号不存在: ${keyId}`, field);
  const status = statusOf(credential);
  if (status === 'revoked') throw new Unauthenticated('revoked_key', `凭证 ${keyId} 已吊销`, field);
  if (status === 'expired')
    throw new Unauthenticated('expired_key', `凭证 ${keyId} 已过轮换宽限期，请使用新凭证`, field);
  return credential;
}

export async function firstUseOfNonce(
  guard: NonceGuard,
  keyId: string,
  nonce: string,
  timestamp: number,
  field: string,
): Promise<void> {
  if (!(await guard.firstUse(keyId, nonce, timestamp)))
    throw new Unauthenticated(
      'replayed_nonce',
      '此签名已使用过（nonce 重复）：每个请求须用新的 nonce 重新签名',
      field,
    );
}

/** A header's single value, or undefined when absent or repeated. */
export function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
}
