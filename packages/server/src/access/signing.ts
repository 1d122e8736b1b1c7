// 签名: the two schemes' arithmetic, with no I/O, shared by the authenticators that verify and by
// testing/signed.ts (and the benchmarks) that sign. docs/access.md "Institutions' credentials" is
// the institution developer's description of the same strings.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of the /api/v1 scheme (lower case, as Node hands them over). */
export const HMAC_HEADERS = {
  keyId: 'x-yibao-key-id',
  timestamp: 'x-yibao-timestamp',
  nonce: 'x-yibao-nonce',
  signature: 'x-yibao-signature',
} as const;

/** The national gateway's headers on /nhsa (国家医保信息平台网关: paasid, timestamp, nonce, signature). */
export const TIF_HEADERS = {
  paasId: 'x-tif-paasid',
  timestamp: 'x-tif-timestamp',
  nonce: 'x-tif-nonce',
  signature: 'x-tif-signature',
} as const;

/**
 * How far a request's timestamp may be from the service's clock, either way: 300 s, the usual
 * allowance for hospital machines whose clocks drift (docs/access.md). The nonces are kept as long.
 */
export const TIMESTAMP_WINDOW_SECONDS = 300;

export const NONCE_PATTERN = /^[A-Za-z0-9._~-]{16,64}$/;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * 签名密钥: hex SHA-256 of the secret. The database keeps this and never the secret; the client
 * derives it from the secret it was shown once (docs/decisions.md).
 */
export function signingKeyOf(secret: string): string {
  return sha256Hex(secret);
}

/** The /api/v1 string to sign: method, path with query, timestamp, nonce, the body's hex SHA-256. */
export function stringToSign(
  method: string,
  pathWithQuery: string,
  timestamp: string,
  nonce: string,
  body: Uint8Array,
): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${sha256Hex(body)}`;
}

export function hmacSignature(signingKey: string, toSign: string): string {
  return createHmac('sha256', signingKey).update(toSign).digest('hex');
}

/** The national gateway's signature: hex SHA-256 of timestamp + token + nonce + timestamp. */
export function tifSignature(token: string, timestamp: string, nonce: string): string {
  return sha256Hex(`${timestamp}${token}${nonce}${timestamp}`);
}

/** Compares two hex signatures in constant time (case-insensitive: some clients send upper case). */
export function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Unix seconds as the client sent them: digits only, else undefined. */
export function parseTimestamp(value: string): number | undefined {
  return /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
