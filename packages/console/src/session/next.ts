// The page to return to after signing in, carried in `/sign-in?next=…`. Only a path of this console
// is followed back — never `//host/…` or an address with a scheme — so a crafted link to the
// sign-in page cannot send an officer elsewhere once signed in (an open redirect).

export const SIGN_IN_PATH = '/sign-in';

/** `/sign-in?next=%2Faccounts%3Fpage%3D2`: where to go once signed in. */
export function signInUrl(next: string): string {
  return next === '/' || next === '' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}

/** The `next` to follow, or null for none (absent, not a path of ours, or the sign-in page itself). */
export function safeNext(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`) ? null : next;
}
