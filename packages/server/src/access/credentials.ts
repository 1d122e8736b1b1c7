// 机构接口凭证 (issue 13): issue, list, revoke, rotate; and the look-up the authenticators use.
// The secret is made here, shown once in the answer, and only its SHA-256 is stored
// (docs/decisions.md, "Credentials keep the secret's hash").
import { randomBytes } from 'node:crypto';
import type { Credential, CredentialStatus, IssuedCredential } from '@yibao/api';
import type { Database } from '../db/types.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { mustFindInstitution } from '../registry/designation.js';
import {
  credentialByKeyId,
  credentialForUpdate,
  credentialsOf,
  insertCredential,
  markReplaced,
  markRevoked,
  type StoredCredential,
} from '../store/access/credentials.js';
import { signingKeyOf } from './signing.js';

/**
 * 轮换宽限期: after a rotation the old key keeps working for 24 hours, time for an institution's
 * systems (several HIS machines, a pharmacy's till) to take the new one without a gap.
 */
export const ROTATION_GRACE_SECONDS = 24 * 60 * 60;

/**
 * How long a process trusts what it read of a credential: a revocation or a rotation's end takes
 * effect in another process within this bound (in the process that made the change, at once).
 */
export const CREDENTIAL_CACHE_MS = 2_000;

/** 凭证编号: `yk_` and 24 hex characters — public, carried in headers and certificates. */
function newKeyId(): string {
  return `yk_${randomBytes(12).toString('hex')}`;
}

/** 密钥: 32 random bytes, base64url — shown once, never stored. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function statusOf(c: StoredCredential, now: Date = new Date()): CredentialStatus {
  if (c.revokedAt !== null) return 'revoked';
  if (c.expiresAt === null) return 'active';
  return c.expiresAt.getTime() > now.getTime() ? 'expiring' : 'expired';
}

export function credentialToWire(c: StoredCredential, now: Date = new Date()): Credential {
  return {
    keyId: c.keyId,
    institutionId: c.institutionId,
    label: c.label,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    expiresAt: c.expiresAt?.toISOString() ?? null,
    replacedBy: c.replacedBy,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokeReason: c.revokeReason,
    status: statusOf(c, now),
  };
}

export async function issueCredential(
  db: Database,
  institutionId: string,
  input: { label?: string | undefined },
  actor: string,
): Promise<IssuedCredential> {
  await mustFindInstitution(db, institutionId, 'id');
  const secret = newSecret();
  const stored = await insertCredential(db, {
    keyId: newKeyId(),
    institutionId,
    secretSha256: signingKeyOf(secret),
    label: input.label ?? null,
    createdBy: actor,
  });
  return { ...credentialToWire(stored), secret };
}

export async function listCredentials(db: Database, institutionId: string): Promise<Credential[]> {
  await mustFindInstitution(db, institutionId, 'id');
  const now = new Date();
  return (await credentialsOf(db, institutionId)).map((c) => credentialToWire(c, now));
}

/** The institution's own credential, or 404 (another institution's key id is not found here). */
function own(c: StoredCredential | undefined, institutionId: string, keyId: string): StoredCredential {
  if (c === undefined || c.institutionId !== institutionId)
    throw new NotFound('机构接口凭证', keyId, 'keyId');
  return c;
}

export async function revokeCredential(
  db: Database,
  institutionId: string,
  keyId: string,
  reason: string,
  actor: string,
): Promise<Credential> {
  const revoked = await db.transaction(async (tx) => {
    const c = own(await credentialForUpdate(tx, keyId), institutionId, keyId);
    if (c.revokedAt !== null) throw new Conflict('already_revoked', `凭证 ${keyId} 已于此前吊销`, 'keyId');
    return markRevoked(tx, keyId, actor, reason);
  });
  credentialLookupOf(db).forget(keyId);
  return credentialToWire(revoked);
}

/** 轮换: a new credential, and the old one expires after ROTATION_GRACE_SECONDS. */
export async function rotateCredential(
  db: Database,
  institutionId: string,
  keyId: string,
  input: { label?: string | undefined },
  actor: string,
): Promise<IssuedCredential> {
  const secret = newSecret();
  const issued = await db.transaction(async (tx) => {
    const old = own(await credentialForUpdate(tx, keyId), institutionId, keyId);
    const status = statusOf(old);
    if (status === 'revoked' || status === 'expired')
      throw new Conflict(
        'credential_not_active',
        `凭证 ${keyId} 已${status === 'revoked' ? '吊销' : '失效'}，不能轮换；请签发新凭证`,
        'keyId',
      );
    if (old.replacedBy !== null)
      throw new Conflict('already_rotated', `凭证 ${keyId} 已轮换为 ${old.replacedBy}`, 'keyId');
    const stored = await insertCredential(tx, {
      keyId: newKeyId(),
      institutionId,
      secretSha256: signingKeyOf(secret),
      label: input.label ?? old.label,
      createdBy: actor,
    });
    await markReplaced(tx, keyId, stored.keyId, ROTATION_GRACE_SECONDS);
    return stored;
  });
  credentialLookupOf(db).forget(keyId);
  return { ...credentialToWire(issued), secret };
}

/**
 * The authenticators' look-up: a credential read is trusted for CREDENTIAL_CACHE_MS, so a busy
 * institution's settlements do not each read its row, and a revocation in another process is seen
 * within that bound. An unknown key is cached as well (a flood of bad key ids costs one read each
 * per bound).
 */
export class CredentialLookup {
  private readonly cache = new Map<string, { at: number; credential: StoredCredential | undefined }>();

  constructor(
    private readonly db: Database,
    private readonly ttlMs = CREDENTIAL_CACHE_MS,
  ) {}

  async get(keyId: string): Promise<StoredCredential | undefined> {
    const now = Date.now();
    const hit = this.cache.get(keyId);
    if (hit !== undefined && now - hit.at < this.ttlMs) return hit.credential;
    const credential = await credentialByKeyId(this.db, keyId);
    if (this.cache.size > 10_000) this.cache.clear(); // bounded: many random key ids cannot grow it
    this.cache.set(keyId, { at: now, credential });
    return credential;
  }

  forget(keyId: string): void {
    this.cache.delete(keyId);
  }
}

// One look-up per database handle, so the routes that revoke and the authenticators that verify in
// one process share it (the change is seen at once here, within the bound elsewhere).
const lookups = new WeakMap<Database, CredentialLookup>();

export function credentialLookupOf(db: Database): CredentialLookup {
  let lookup = lookups.get(db);
  if (lookup === undefined) {
    lookup = new CredentialLookup(db);
    lookups.set(db, lookup);
  }
  return lookup;
}
