// 密码: hashed with scrypt, Node's built-in memory-hard function (no dependency to keep up), with
// its parameters written beside the hash so that a stronger setting later still verifies the old
// ones. The rules an officer's password must meet are here too, and the generator of the initial
// and reset passwords (shown once, never stored in the clear).
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Invalid } from '../domain/errors.js';

/** 2^15 × 8 × 128 bytes = 32 MiB of memory per hash: slow for a guesser, about 0.1 s for a sign-in. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
export const MIN_PASSWORD_LENGTH = 12;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = {
    ...params,
    // Node's default ceiling is exactly 32 MiB, which N = 2^15, r = 8 needs and a little more.
    maxmem: 128 * params.N * params.r * 2 + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

/** `scrypt$N=32768,r=8,p=1$<salt, base64>$<hash, base64>`: everything verification needs. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return `scrypt$N=${COST.N},r=${COST.r},p=${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parse(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | undefined {
  const match = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (match === null) return undefined;
  const [, n, r, p, salt, key] = match;
  return {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt ?? '', 'base64'),
    key: Buffer.from(key ?? '', 'base64'),
  };
}

/** True when `password` is the one `stored` was made from; compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === undefined) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/**
 * A hash of no one's password, made once: an unknown username is checked against it, so that the
 * answer takes as long as for a real account and the timing does not tell which usernames exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  return decoy;
}

/** 密码规则: at least 12 characters, not the username (in any case). Field names the request's field. */
export function checkPasswordRules(password: string, username: string, field: string): void {
  if (Array.from(password).length < MIN_PASSWORD_LENGTH)
    throw new Invalid(field, 'weak_password', `密码至少 ${MIN_PASSWORD_LENGTH} 位`);
  if (password.trim().toLowerCase() === username.toLowerCase())
    throw new Invalid(field, 'weak_password', '密码不得与登录名相同');
}

// No 0/O, 1/l/I: a password read off a screen or a slip of paper is typed right the first time.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A generated password: 20 characters of 57 (about 116 bits), grouped by 5 for reading aloud. */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? 'x');
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
