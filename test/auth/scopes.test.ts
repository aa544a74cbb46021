import { hasScope, missingScopes, REQUIRED_SCOPES } from '../../src/auth/scopes';

describe('hasScope', () => {
  it('is granted directly or by a parent scope (a decimal prefix)', () => {
    expect(hasScope([201], 201)).toBe(true);
    expect(hasScope([20], 201)).toBe(true);
    expect(hasScope([2], 201)).toBe(true);
    expect(hasScope([6], 631)).toBe(true);
  });

  it('is not granted by a sibling, a child or nothing', () => {
    expect(hasScope([211], 201)).toBe(false);
    expect(hasScope([2011], 201)).toBe(false);
    expect(hasScope([21], 201)).toBe(false);
    expect(hasScope([], 201)).toBe(false);
  });
});

describe('missingScopes', () => {
  it('lists every required scope, in id order, when none is granted', () => {
    expect(missingScopes([])).toEqual([
      { id: 201, name: 'create campaigns' },
      { id: 211, name: 'create ad groups' },
      { id: 221, name: 'create ads' },
      { id: 600, name: 'read images' },
      { id: 601, name: 'upload images' },
      { id: 610, name: 'read videos' },
      { id: 611, name: 'upload videos' },
      { id: 630, name: 'read music' },
      { id: 631, name: 'upload music' },
    ]);
    expect(Object.keys(REQUIRED_SCOPES)).toHaveLength(9);
  });

  it('is empty when parents cover every required scope', () => {
    expect(missingScopes([2, 6])).toEqual([]);
    expect(missingScopes([201, 211, 221, 60, 61, 63])).toEqual([]);
  });

  it('names only what is still missing', () => {
    expect(missingScopes([2, 60, 61])).toEqual([
      { id: 630, name: 'read music' },
      { id: 631, name: 'upload music' },
    ]);
  });
});
