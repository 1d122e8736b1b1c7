// The console's map of what each role sees against the service's own table of who may do what:
// a page or a button shown to a role the service would refuse (or hidden from one it would allow)
// fails here, not in front of an officer.
import { ROLES } from '@yibao/api/constants';
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../server/src/access/permissions';
import { ROUTE_ACCESS } from '../../../server/src/access/route-table';
import {
  ACTIONS,
  AREA_PERMISSION,
  AREAS,
  areaOfPath,
  homeOf,
  ROLE_VISIBILITY,
  visibilityOfRoles,
} from './areas';

/** Each page's first call: a role bound to one institution reaches it only where the route keeps it to its own. */
const FIRST_CALL: Record<(typeof AREAS)[number], string> = {
  dashboard: 'GET /api/v1/dashboard',
  settlements: 'GET /api/v1/settlements',
  persons: 'GET /api/v1/persons',
  institutions: 'GET /api/v1/institutions',
  policy: 'GET /api/v1/policy/regions',
  catalogue: 'GET /api/v1/catalogue',
  try: 'POST /api/v1/settlements/preview',
  accounts: 'GET /api/v1/accounts',
};

describe('what each role sees in the console', () => {
  it.each(ROLES)('%s: a page exactly when the service grants its permission', (role) => {
    const granted = new Set<string>(ROLE_PERMISSIONS[role]);
    const bound = role === 'institution_user';
    const reachable = (area: (typeof AREAS)[number]): boolean =>
      granted.has(AREA_PERMISSION[area]) && (!bound || ROUTE_ACCESS[FIRST_CALL[area]]?.own !== undefined);
    const shown = AREAS.filter((area) => ROLE_VISIBILITY[role].areas.includes(area));
    expect(shown).toEqual(AREAS.filter(reachable));
  });

  it.each(ROLES)('%s: a button exactly when the service grants its permission', (role) => {
    const granted = new Set<string>(ROLE_PERMISSIONS[role]);
    const shown = ACTIONS.filter((action) => ROLE_VISIBILITY[role].actions.includes(action));
    expect(shown).toEqual(ACTIONS.filter((action) => granted.has(action)));
  });

  it('gives the auditor every read page and not one button', () => {
    expect(ROLE_VISIBILITY.auditor.actions).toEqual([]);
    expect(ROLE_VISIBILITY.auditor.areas).toContain('persons');
    expect(ROLE_VISIBILITY.auditor.areas).not.toContain('accounts');
  });

  it('joins the roles of an account with several, in the menu’s order', () => {
    const v = visibilityOfRoles(['admin', 'analyst']);
    expect(v.areas).toEqual(['dashboard', 'institutions', 'policy', 'catalogue', 'accounts']);
    expect(v.actions).toEqual(['catalogue.write', 'accounts.manage', 'credentials.manage']);
  });

  it('lands each role on the first page it may see, and names the page of a path', () => {
    expect(homeOf(visibilityOfRoles(['officer']))).toBe('/');
    expect(homeOf(visibilityOfRoles(['admin']))).toBe('/institutions');
    expect(homeOf(visibilityOfRoles(['institution_user']))).toBe('/settlements');
    expect(areaOfPath('/')).toBe('dashboard');
    expect(areaOfPath('/accounts/a1')).toBe('accounts');
    expect(areaOfPath('/sign-in')).toBeUndefined();
  });
});
