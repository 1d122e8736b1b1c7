// 国家医保网关签名 on /nhsa (issue 13): the headers a hospital's HIS already sends to the national
// platform's gateway — x-tif-paasid (here: the key id), x-tif-timestamp (unix seconds),
// x-tif-nonce, and x-tif-signature = hex SHA-256(timestamp + token + nonce + timestamp), the token
// being the credential's signing key (hex SHA-256 of its secret). The scheme does not cover the body
// (the gateway's does not either): on a network beyond the agency's, pair it with TLS, or mutual
// TLS (docs/access.md). Refusals leave in the interface's own answer (nhsa/envelope.ts).
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/types.js';
import { Unauthenticated } from '../domain/errors.js';
import { isNhsaUrl } from '../nhsa/envelope.js';
import { credentialInForce, firstUseOfNonce, freshTimestamp, header } from './credential-check.js';
import { credentialLookupOf } from './credentials.js';
import type { Identity } from './identity.js';
import type { Authenticator } from './install.js';
import { nonceGuardOf } from './nonce-guard.js';
import { sameHex, TIF_HEADERS, tifSignature } from './signing.js';

/** The gateway's clients send short nonces (8 characters is common): 6 to 64 here. */
const TIF_NONCE = /^[A-Za-z0-9._~-]{6,64}$/;

export function nhsaSignature(db: Database): Authenticator {
  const lookup = credentialLookupOf(db);
  const nonces = nonceGuardOf(db);
  return {
    name: 'nhsa',
    applies: (request) => isNhsaUrl(request.url) && request.headers[TIF_HEADERS.paasId] !== undefined,
    async authenticate(request: FastifyRequest): Promise<Identity> {
      const need = (name: string): string => {
        const v = header(request.headers, name);
        if (v === undefined || v === '')
          throw new Unauthenticated('unauthenticated', `缺少请求头 ${name}`, name);
        return v;
      };
      const keyId = need(TIF_HEADERS.paasId);
      const timestampText = need(TIF_HEADERS.timestamp);
      const nonce = need(TIF_HEADERS.nonce);
      const signature = need(TIF_HEADERS.signature);
      const timestamp = freshTimestamp(timestampText, TIF_HEADERS.timestamp);
      if (!TIF_NONCE.test(nonce))
        throw new Unauthenticated(
          'bad_nonce',
          `${TIF_HEADERS.nonce} 须为 6–64 个字符（字母、数字、. _ ~ -）`,
          TIF_HEADERS.nonce,
        );
      const credential = await credentialInForce(lookup, keyId, TIF_HEADERS.paasId);
      if (!sameHex(tifSignature(credential.secretSha256, timestampText, nonce), signature))
        throw new Unauthenticated('bad_signature', '签名校验失败 (x-tif-signature)', TIF_HEADERS.signature);
      await firstUseOfNonce(nonces, keyId, nonce, timestamp, TIF_HEADERS.nonce);
      return { kind: 'institution', institutionId: credential.institutionId, keyId, via: 'nhsa' };
    },
  };
}
