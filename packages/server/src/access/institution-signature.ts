// 机构接口签名 on /api/v1 (issue 13): HMAC-SHA256 over the method, the path with its query, the
// timestamp, the nonce and the body's SHA-256, keyed by hex SHA-256 of the credential's secret.
// docs/access.md "Institutions' credentials" shows the institution's developer the same steps.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/types.js';
import { Unauthenticated } from '../domain/errors.js';
import { rawBodyOf } from '../http/raw-body.js';
import { credentialInForce, firstUseOfNonce, freshTimestamp, header } from './credential-check.js';
import { credentialLookupOf } from './credentials.js';
import type { Identity } from './identity.js';
import type { Authenticator } from './install.js';
import { nonceGuardOf } from './nonce-guard.js';
import { HMAC_HEADERS, hmacSignature, NONCE_PATTERN, sameHex, stringToSign } from './signing.js';

export function institutionSignature(db: Database): Authenticator {
  const lookup = credentialLookupOf(db);
  const nonces = nonceGuardOf(db);
  return {
    name: 'hmac',
    // Any URL but the national interface's, which speaks its gateway's scheme (nhsa-signature.ts).
    applies: (request) =>
      request.headers[HMAC_HEADERS.keyId] !== undefined && !request.url.startsWith('/nhsa'),
    async authenticate(request: FastifyRequest): Promise<Identity> {
      const need = (name: string): string => {
        const v = header(request.headers, name);
        if (v === undefined || v === '')
          throw new Unauthenticated('unauthenticated', `缺少签名请求头 ${name}`, name);
        return v;
      };
      const keyId = need(HMAC_HEADERS.keyId);
      const timestampText = need(HMAC_HEADERS.timestamp);
      const nonce = need(HMAC_HEADERS.nonce);
      const signature = need(HMAC_HEADERS.signature);
      const timestamp = freshTimestamp(timestampText, HMAC_HEADERS.timestamp);
      if (!NONCE_PATTERN.test(nonce))
        throw new Unauthenticated(
          'bad_nonce',
          `${HMAC_HEADERS.nonce} 须为 16–64 个字符（字母、数字、. _ ~ -）`,
          HMAC_HEADERS.nonce,
        );
      const credential = await credentialInForce(lookup, keyId, HMAC_HEADERS.keyId);
      const expected = hmacSignature(
        credential.secretSha256,
        stringToSign(request.method, request.url, timestampText, nonce, rawBodyOf(request)),
      );
      if (!sameHex(expected, signature))
        throw new Unauthenticated(
          'bad_signature',
          '签名不符：请核对待签名字符串（方法、路径与查询、时间戳、nonce、请求体 SHA-256）与签名密钥',
          HMAC_HEADERS.signature,
        );
      await firstUseOfNonce(nonces, keyId, nonce, timestamp, HMAC_HEADERS.nonce);
      return { kind: 'institution', institutionId: credential.institutionId, keyId, via: 'hmac' };
    },
  };
}
