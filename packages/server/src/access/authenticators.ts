// The ways a caller proves who it is, in the order they are tried (access/install.ts): each looks
// at its own headers or cookie. The institutions' schemes (HMAC on /api/v1, the national gateway's
// x-tif-* on /nhsa, mutual TLS) and the officers' (session cookie, bearer token) add themselves here,
// each built over the database that keeps its credentials.
import type { Database } from '../db/types.js';
import type { Authenticator } from './install.js';
import { institutionSignature } from './institution-signature.js';
import { mutualTls } from './mtls.js';
import { nhsaSignature } from './nhsa-signature.js';
import { officerSessionAuthenticator } from './officer-session.js';
import { officerTokenAuthenticator } from './officer-token.js';

export function defaultAuthenticators(db: Database): Authenticator[] {
  const schemes: Array<(db: Database) => Authenticator> = [
    // 机构接口凭证 (access/credentials.ts): signed headers first, then a client certificate.
    institutionSignature,
    nhsaSignature,
    // 经办人员: a bearer token (an explicit header) before the session cookie a browser adds by itself.
    officerTokenAuthenticator,
    officerSessionAuthenticator,
    // Last: a client certificate is on every request of a mutual-TLS listener, whoever signs.
    mutualTls,
  ];
  return schemes.map((scheme) => scheme(db));
}
