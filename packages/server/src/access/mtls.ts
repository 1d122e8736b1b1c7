// 双向 TLS (issue 13, optional): `yibao serve --tls-cert --tls-key --tls-client-ca` asks every
// client for a certificate signed by the agency's CA and refuses the connection without one. The
// certificate names the credential: its subject CN, or one of its subject alternative names, is
// the key id issued to the institution. Revoking the credential stops the certificate within the
// look-up's bound, without a CRL.
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/types.js';
import { Unauthenticated } from '../domain/errors.js';
import { credentialInForce } from './credential-check.js';
import { credentialLookupOf } from './credentials.js';
import type { Identity } from './identity.js';
import type { Authenticator } from './install.js';

/** The verified client certificate's names (CN first, then the SANs), or [] when there is none. */
export function certificateNames(request: FastifyRequest): string[] {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (socket.authorized !== true || typeof socket.getPeerCertificate !== 'function') return [];
  // An empty object when the client sent none; the CN repeats as an array in a few certificates.
  const cert = socket.getPeerCertificate() as {
    subject?: { CN?: string | string[] };
    subjectaltname?: string;
  };
  const names: string[] = [];
  const cn = cert.subject?.CN;
  if (typeof cn === 'string') names.push(cn);
  else if (Array.isArray(cn)) names.push(...cn);
  for (const san of (cert.subjectaltname ?? '').split(',')) {
    const value = san.trim().replace(/^(DNS|URI|email):/, '');
    if (value !== '' && !names.includes(value)) names.push(value);
  }
  return names;
}

export function mutualTls(db: Database): Authenticator {
  const lookup = credentialLookupOf(db);
  return {
    name: 'mtls',
    applies: (request) => certificateNames(request).length > 0,
    async authenticate(request: FastifyRequest): Promise<Identity> {
      const names = certificateNames(request);
      for (const name of names) {
        if (!/^yk_[0-9a-f]{24}$/.test(name)) continue;
        const credential = await credentialInForce(lookup, name, 'certificate');
        return { kind: 'institution', institutionId: credential.institutionId, keyId: name, via: 'mtls' };
      }
      throw new Unauthenticated(
        'unknown_key',
        `客户端证书未登记为机构接口凭证 (CN/SAN: ${names.join(', ')})`,
        'certificate',
      );
    },
  };
}
