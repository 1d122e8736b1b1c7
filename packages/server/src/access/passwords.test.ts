// 密码: scrypt with its parameters written beside the hash, a constant-time check, the rules.
import { describe, expect, it } from 'vitest';
import { checkPasswordRules, generatePassword, hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with scrypt N=2^15, r=8, p=1 and a 16-byte salt, written into the stored string', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const [scheme, params, salt, key] = stored.split('$');
    expect(scheme).toBe('scrypt');
    expect(params).toBe('N=32768,r=8,p=1');
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(stored).not.toContain('correct horse');
    // A fresh salt each time: the same password never hashes the same.
    expect(await hashPassword('correct horse battery staple')).not.toBe(stored);
  });

  it('verifies the right password only, and a hash made with other parameters by what it says', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
    // A weaker (older) setting still verifies: the stored string carries its own parameters.
    const [, , salt] = stored.split('$');
    const { scryptSync } = await import('node:crypto');
    const old = scryptSync('an older password', Buffer.from(salt ?? '', 'base64'), 32, {
      N: 1024,
      r: 8,
      p: 1,
    });
    const oldStored = `scrypt$N=1024,r=8,p=1$${salt ?? ''}$${old.toString('base64')}`;
    expect(await verifyPassword('an older password', oldStored)).toBe(true);
    expect(await verifyPassword('another password', oldStored)).toBe(false);
  });

  it('asks for 12 characters or more, not the username in any case', () => {
    expect(() => {
      checkPasswordRules('elevenchars', 'zhang', 'password');
    }).toThrow(expect.objectContaining({ code: 'weak_password', field: 'password' }));
    expect(() => {
      checkPasswordRules('zhangsan.officer', 'zhangsan.officer', 'newPassword');
    }).toThrow(expect.objectContaining({ field: 'newPassword' }));
    expect(() => {
      checkPasswordRules('ZhangSan.Officer', 'zhangsan.officer', 'p');
    }).toThrow();
    // Characters, not bytes: twelve Chinese characters are twelve.
    expect(() => {
      checkPasswordRules('医保经办人员的登录密码足够', 'zhang', 'p');
    }).not.toThrow();
    expect(() => {
      checkPasswordRules('twelve chars', 'zhang', 'p');
    }).not.toThrow();
  });

  it('generates passwords that meet the rules and do not repeat', () => {
    const made = new Set(Array.from({ length: 50 }, generatePassword));
    expect(made.size).toBe(50);
    for (const p of made) {
      expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{5}(-[A-HJ-NP-Za-km-z2-9]{5}){3}$/);
      expect(() => {
        checkPasswordRules(p, 'someone', 'password');
      }).not.toThrow();
    }
  });
});
