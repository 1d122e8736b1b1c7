// The ways a caller proves who it is, in the order they are tried (access/install.ts): each looks
// at its own headers or cookie. The institutions' schemes (HMAC on /api/v1, the national gateway's
// x-tif-* on /nhsa, mutual TLS) and the officers' (session cookie, bearer token) add themselves here,
// each built over the database that keeps its credentials.
import type { Database } from '../db/types.js';
import type { Authenticator } from './install.js';
import { institutionSignature } from './institution-signature.js';
import { mutualTls } from './mtls.js';
import { nhsaSignature } from './nhsa-signature.js';

export function defaultAuthenticators(db: Database): Authenticator[] {
  const schemes: Array<(db: Database) => Authenticator> = [
    // 机构接口凭证 (access/credentials.ts): signed headers first, then a client certificate.
    institutionSignature,
    nhsaSignature,
    mutualTls,
  ];
  return schemes.map((scheme) => scheme(db));
}
