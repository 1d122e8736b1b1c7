#!/usr/bin/env node
// What signing adds to one settlement, measured apart (issue 13), to read beside the noisy
// end-to-end A/B of `BENCH_SIGNING=N npm run bench:service` on a shared machine:
// - Node: verifying one request's signature (SHA-256 of a 10-line visit's body, the HMAC, the
//   constant-time compare), in µs of one core;
// - PostgreSQL: recording the nonces of concurrent requests, batched as the service does
//   (up to 64 a statement), in µs per request, on a scratch database (DATABASE_URL or the local one).
//
//   node bench/signing-cost.mjs
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  hmacSignature,
  sameHex,
  signingKeyOf,
  stringToSign,
} from '../packages/server/dist/access/signing.js';
import { migrate } from '../packages/server/dist/db/migrate.js';
import { openPostgres } from '../packages/server/dist/db/postgres.js';
import { recordNonces } from '../packages/server/dist/store/access/credentials.js';
import { signedHeaders } from '../packages/server/dist/testing/signed.js';
import { demoVisit } from './demo-visits.mjs';

const credential = { keyId: 'yk_000000000000000000000000', secret: randomBytes(32).toString('base64url') };
const key = signingKeyOf(credential.secret);
const bodies = Array.from({ length: 2000 }, (_, n) =>
  JSON.stringify({ requestId: `cost-${n}`, ...demoVisit(n, ['C0000001'], 20000) }),
);

function verifyCost() {
  const signed = bodies.map((b) => ({
    body: Buffer.from(b),
    headers: signedHeaders('POST', '/api/v1/settlements', b, credential),
  }));
  const rounds = 20;
  for (let warm = 0; warm < 2; warm++) for (const s of signed) verify(s);
  // CPU time, not wall time: on a shared machine the process waits for a core between slices.
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const s of signed) verify(s);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / (rounds * signed.length);
}

function verify({ body, headers }) {
  const expected = hmacSignature(
    key,
    stringToSign('POST', '/api/v1/settlements', headers['x-yibao-timestamp'], headers['x-yibao-nonce'], body),
  );
  if (!sameHex(expected, headers['x-yibao-signature'])) throw new Error('does not verify');
}

async function nonceCost(batch, clients) {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `yibao_nonce_cost_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: clients });
  try {
    await migrate(db);
    const total = 60_000;
    let n = 0;
    const now = Math.floor(Date.now() / 1000);
    const worker = async () => {
      while (n < total) {
        const rows = Array.from({ length: batch }, () => ({
          keyId: credential.keyId,
          nonce: `${n++}-${randomBytes(8).toString('hex')}`,
          expiresAtSeconds: now + 301,
        }));
        await recordNonces(db, rows);
      }
    };
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: clients }, worker));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { perSecond: Math.round(n / seconds), microsPerRequest: Math.round((1e6 * seconds) / n) };
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const verifyMicros = verifyCost();
console.log(`verify a signature (10-line visit, ${bodies[0].length} bytes): ${verifyMicros.toFixed(1)} µs`);
for (const batch of [16, 64]) {
  const r = await nonceCost(batch, 6);
  console.log(
    `record nonces, ${batch} a statement, 6 in flight: ${r.perSecond}/s (${r.microsPerRequest} µs of wall time per request)`,
  );
}
