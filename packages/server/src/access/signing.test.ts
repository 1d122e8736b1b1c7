// The worked examples of docs/access.md "Institutions' credentials", as known answers: the values
// were computed apart from this code (node:crypto in a one-line script), so a change to the string
// to sign, the key derivation or either digest fails here and the docs must change with it.
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../testing/signed.js';
import { hmacSignature, sameHex, signingKeyOf, stringToSign, tifSignature } from './signing.js';

const secret = 'q3V0ZXN0LXNlY3JldC1kby1ub3QtdXNlLWluLXByb2R1Y3Rpb24';
const key = '695c6d1552967d06f267105a9072e083834e99d1e66deca7651c9395c504ade6';
const body = '{"requestId":"HIS-20260101-0001","institutionId":"C001"}';

describe('the signing examples of docs/access.md', () => {
  it('derives the signing key as hex SHA-256 of the secret', () => {
    expect(signingKeyOf(secret)).toBe(key);
  });

  it('signs a POST with its body', () => {
    const toSign = stringToSign(
      'post',
      '/api/v1/settlements/preview',
      '1767225600',
      '3f9a2c7e1b8d4f60a5e9c2d7b1f0e4a8',
      Buffer.from(body),
    );
    expect(toSign).toBe(
      'POST\n/api/v1/settlements/preview\n1767225600\n3f9a2c7e1b8d4f60a5e9c2d7b1f0e4a8\n' +
        '6fdfe8509f68db921914a39ffc731d9b06588b63377c5f3c1f8771057a06ac13',
    );
    expect(hmacSignature(key, toSign)).toBe(
      '46e656a8b5072157cfa7a55b5792dcbb1ee9af80ea00217dd8163b4f4b8040c1',
    );
    const headers = signedHeaders(
      'POST',
      '/api/v1/settlements/preview',
      body,
      { keyId: 'yk_x', secret },
      {
        timestamp: 1767225600,
        nonce: '3f9a2c7e1b8d4f60a5e9c2d7b1f0e4a8',
      },
    );
    expect(headers['x-yibao-signature']).toBe(
      '46e656a8b5072157cfa7a55b5792dcbb1ee9af80ea00217dd8163b4f4b8040c1',
    );
  });

  it('signs a GET with its query and an empty body', () => {
    const toSign = stringToSign(
      'GET',
      '/api/v1/settlements?institutionId=C001&page=2',
      '1767225600',
      '7c4e9b2a5d8f1e3a6b0c9d2e5f8a1b4c',
      Buffer.alloc(0),
    );
    expect(toSign.split('\n')[4]).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hmacSignature(key, toSign)).toBe(
      'e3edb6280120ff28dda7c5231b82b2eecd9690d6cec3437f9e4b9a6a04d49f7a',
    );
  });

  it('signs the x-tif headers as SHA-256(timestamp + token + nonce + timestamp)', () => {
    expect(tifSignature(key, '1767225600', 'a1b2c3d4')).toBe(
      '92ee05d30a3fd661dda06a1f3816c0127a0005627a037c6d8d67b4c2407a5f6b',
    );
  });

  it('compares signatures whatever their hex case, and refuses another length', () => {
    expect(sameHex('abcdef', 'ABCDEF')).toBe(true);
    expect(sameHex('abcdef', 'abcde')).toBe(false);
    expect(sameHex('abcdef', 'abcdee')).toBe(false);
  });
});
