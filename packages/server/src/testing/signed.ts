// 签名请求 for tests and benchmarks: the headers an institution's system sends, made exactly as
// docs/access.md tells its developer (access/signing.ts holds the arithmetic both sides share).
import { randomBytes } from 'node:crypto';
import {
  HMAC_HEADERS,
  hmacSignature,
  nowSeconds,
  signingKeyOf,
  stringToSign,
  TIF_HEADERS,
  tifSignature,
} from '../access/signing.js';

export interface CredentialSecret {
  keyId: string;
  secret: string;
}

export interface SignOptions {
  /** Unix seconds (default now). */
  timestamp?: number;
  /** Default: 32 random hex characters. */
  nonce?: string;
}

/**
 * The /api/v1 signature headers for one request. `payload` is what will be sent: a string or bytes
 * as they are, an object as JSON.stringify writes it (what Fastify's inject sends for an object).
 * Content-type is included when there is a body.
 */
export function signedHeaders(
  method: string,
  url: string,
  payload: unknown,
  credential: CredentialSecret,
  options: SignOptions = {},
): Record<string, string> {
  const body = bodyBytes(payload);
  const timestamp = String(options.timestamp ?? nowSeconds());
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  const signature = hmacSignature(
    signingKeyOf(credential.secret),
    stringToSign(method, url, timestamp, nonce, body),
  );
  return {
    ...(body.length > 0 ? { 'content-type': 'application/json' } : {}),
    [HMAC_HEADERS.keyId]: credential.keyId,
    [HMAC_HEADERS.timestamp]: timestamp,
    [HMAC_HEADERS.nonce]: nonce,
    [HMAC_HEADERS.signature]: signature,
  };
}

/**
 * A request ready for `app.inject`, the payload passed on as given: inject sends an object as
 * JSON.stringify writes it, the bytes signed here.
 */
export function signedRequest<P>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload: P,
  credential: CredentialSecret,
  options: SignOptions = {},
): { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; headers: Record<string, string>; payload?: P } {
  return {
    method,
    url,
    headers: signedHeaders(method, url, payload, credential, options),
    ...(payload === undefined || payload === null ? {} : { payload }),
  };
}

/** The national gateway's x-tif-* headers (no body in its signature). */
export function tifHeaders(credential: CredentialSecret, options: SignOptions = {}): Record<string, string> {
  const timestamp = String(options.timestamp ?? nowSeconds());
  const nonce = options.nonce ?? randomBytes(8).toString('hex');
  return {
    [TIF_HEADERS.paasId]: credential.keyId,
    [TIF_HEADERS.timestamp]: timestamp,
    [TIF_HEADERS.nonce]: nonce,
    [TIF_HEADERS.signature]: tifSignature(signingKeyOf(credential.secret), timestamp, nonce),
  };
}

function bodyBytes(payload: unknown): Buffer {
  if (payload === undefined || payload === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(payload)) return payload;
  if (payload instanceof Uint8Array) return Buffer.from(payload);
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  return Buffer.from(JSON.stringify(payload), 'utf8');
}
