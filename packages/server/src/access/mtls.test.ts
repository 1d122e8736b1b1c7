// Mutual TLS (issue 13, optional mode): the client certificate's CN (or a SAN) is a key id issued
// to the institution. Certificates are made here with the openssl command; without it the test is
// skipped and says why.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import { build } from '../http/app.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { INSTITUTIONS } from '../testing/fixtures.js';
import { issueCredential, revokeCredential } from './credentials.js';

const openssl = spawnSync('openssl', ['version']).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'yibao-mtls-'));
const file = (name: string): string => join(dir, name);

function run(args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** A P-256 key and a certificate for `subject`, signed by the test CA (`san`: its alternative names). */
function certificate(name: string, subject: string, san?: string): void {
  run(
    ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'].concat([
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    ]),
  );
  const ext = file(`${name}.ext`);
  writeFileSync(ext, san === undefined ? '' : `subjectAltName=${san}\n`);
  run(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial'].concat([
      '-out',
      `${name}.crt`,
      '-days',
      '1',
      '-extfile',
      ext,
    ]),
  );
}

function get(port: number, path: string, client?: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        ca: readFileSync(file('ca.crt')),
        ...(client === undefined
          ? {}
          : { cert: readFileSync(file(`${client}.crt`)), key: readFileSync(file(`${client}.key`)) }),
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!openssl)('mutual TLS (openssl is not installed: skipped)', () => {
  const driver = testDrivers()[0];
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let port: number;
  let keyId: string;
  let other: string;

  beforeAll(async () => {
    if (driver === undefined) throw new Error('no test driver');
    run(
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'].concat([
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
        '-days',
        '1',
        '-subj',
        '/CN=Yibao test CA',
      ]),
    );
    certificate('server', '/CN=127.0.0.1', 'IP:127.0.0.1');
    testDb = await driver.create();
    for (const i of INSTITUTIONS.slice(0, 3))
      await testDb.db.query(
        'INSERT INTO institutions (id, name, type, level, county) VALUES ($1, $2, $3, $4, $5)',
        [i.id, i.name, i.type, 'level' in i ? i.level : null, i.county],
      );
    // Issued as `yibao credentials issue` does; the certificate carries the key id.
    keyId = (await issueCredential(testDb.db, 'C001', { label: '前置机证书' }, 'cli:test')).keyId;
    other = (await issueCredential(testDb.db, 'H001', {}, 'cli:test')).keyId;
    certificate('c001', `/CN=${keyId}/O=C001`);
    certificate('h001-san', '/CN=H001 前置机', `DNS:${other}`);
    certificate('stranger', '/CN=not-a-key');
    const policy = loadPolicy(repositoryPolicyDir());
    app = await build({
      db: testDb.db,
      calculate: policy.calculate,
      regions: policy.regions,
      policy,
      mutualTls: {
        cert: readFileSync(file('server.crt')),
        key: readFileSync(file('server.key')),
        ca: readFileSync(file('ca.crt')),
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await testDb.dispose();
  });

  it('identifies the institution by the certificate’s CN, or its SAN, and keeps it to its own', async () => {
    const own = await get(port, '/api/v1/settlements?institutionId=C001', 'c001');
    expect(own.status).toBe(200);
    const cross = await get(port, '/api/v1/settlements?institutionId=C001', 'h001-san');
    expect(cross.status).toBe(403);
    expect(cross.body).toMatchObject({ error: { code: 'other_institution' } });
    expect((await get(port, '/api/v1/settlements?institutionId=H001', 'h001-san')).status).toBe(200);
  });

  it('refuses a certificate naming no credential (401), and a connection without one', async () => {
    const stranger = await get(port, '/api/v1/settlements', 'stranger');
    expect(stranger.status).toBe(401);
    expect(stranger.body).toMatchObject({ error: { code: 'unknown_key' } });
    await expect(get(port, '/api/v1/settlements')).rejects.toThrow();
  });

  it('stops a certificate whose credential is revoked', async () => {
    await revokeCredential(testDb.db, 'C001', keyId, '证书丢失', 'cli:test');
    const res = await get(port, '/api/v1/settlements', 'c001');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'revoked_key' } });
  });
});
