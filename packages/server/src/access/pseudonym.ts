// 假名化 (R-B7, issue 13): what an analyst sees of a person is a pseudonym — HMAC-SHA256 of the
// person id under a key only the server holds — never the id itself. The same person always has the
// same pseudonym (records can be joined and counted), and nobody without the key can go back from
// it or compute it from an id. The key is made on first use and kept in the database
// (pseudonym_keys), so pseudonyms are stable across restarts and across a cluster's processes.
import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types.js';

const KEY_NAME = 'person-pseudonym';
/** 96 bits of the HMAC: collisions are out of reach for any population, and the pseudonym stays short. */
const HEX_CHARS = 24;

export type Pseudonymise = (personId: string) => string;

/** The server's key, created (once, whoever comes first) when it does not exist yet. */
async function pseudonymKey(db: Queryable): Promise<Buffer> {
  await db.query('INSERT INTO pseudonym_keys (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    KEY_NAME,
    randomBytes(32).toString('hex'),
  ]);
  const rows = await db.query<{ secret: string }>('SELECT secret FROM pseudonym_keys WHERE name = $1', [
    KEY_NAME,
  ]);
  const secret = rows[0]?.secret;
  if (secret === undefined) throw new Error('pseudonym key missing after it was created');
  return Buffer.from(secret, 'hex');
}

/** `pseudonymOf(key, id)`: `ps_` and the HMAC's first 96 bits in hex. */
export function pseudonymOf(key: Buffer, personId: string): string {
  return `ps_${createHmac('sha256', key).update(personId, 'utf8').digest('hex').slice(0, HEX_CHARS)}`;
}

/** The pseudonymiser of this database: read the key once, then pure. */
export async function pseudonymiser(db: Queryable): Promise<Pseudonymise> {
  const key = await pseudonymKey(db);
  return (personId) => pseudonymOf(key, personId);
}
