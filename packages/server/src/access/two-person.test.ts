// 双人复核: the maker of a payment run may not release it, however they signed in.
import { describe, expect, it } from 'vitest';
import type { Identity } from './identity.js';
import { assertSecondPerson } from './two-person.js';

const officer = (username: string, via: 'session' | 'bearer'): Identity => ({
  kind: 'officer',
  accountId: `ACC-${username}`,
  username,
  roles: ['finance'],
  institutionId: null,
  via,
});

describe('two-person rule (payment release)', () => {
  it('refuses the run’s maker (403 same_person), by session or by token alike', () => {
    for (const via of ['session', 'bearer'] as const) {
      expect(() => {
        assertSecondPerson('officer:liu', officer('liu', via), 'runId');
      }).toThrow(expect.objectContaining({ kind: 'forbidden', code: 'same_person', field: 'runId' }));
    }
    expect(() => {
      assertSecondPerson('cli:ops', { kind: 'cli', operator: 'ops' });
    }).toThrow(expect.objectContaining({ code: 'same_person' }));
  });

  it('lets another person release it', () => {
    expect(() => {
      assertSecondPerson('officer:liu', officer('chen', 'session'));
    }).not.toThrow();
    // A user named like the maker's actor string is not the maker: the kind is part of the name.
    expect(() => {
      assertSecondPerson('officer:liu', { kind: 'cli', operator: 'liu' });
    }).not.toThrow();
  });

  it('cannot tell people apart under serve --open, so does not apply there', () => {
    expect(() => {
      assertSecondPerson('open', { kind: 'open' });
    }).not.toThrow();
  });
});
