// The user name the login dialog starts with: the brand's factory administrator, `admin` where it is not known.
import { describe, expect, it } from 'vitest';
import { FACTORY_ADMIN_USER, factoryAdminUser } from '../../../../src/shared/catalog/factory-users';
import { DEFAULT_CREDENTIALS } from '../../../../src/shared/catalog/default-credentials';

describe('factoryAdminUser', () => {
  it('names each brand’s administrator as the catalogue of factory logins does (its first account for the brand)', () => {
    const brands = [...new Set(DEFAULT_CREDENTIALS.map((c) => c.brand))];
    expect(brands.length).toBeGreaterThan(5);
    for (const brand of brands) {
      const first = DEFAULT_CREDENTIALS.find((c) => c.brand === brand)!;
      expect(factoryAdminUser(brand), brand).toBe(first.user);
    }
  });

  it('is admin for most brands and root for Axis, by any name a device gives its brand', () => {
    expect(factoryAdminUser('Hikvision')).toBe('admin');
    expect(factoryAdminUser('HIKVISION')).toBe('admin');
    expect(factoryAdminUser('Dahua')).toBe('admin');
    expect(factoryAdminUser('XIONGMAI')).toBe('admin');
    expect(factoryAdminUser('Axis')).toBe('root');
    expect(factoryAdminUser('AXIS')).toBe('root');
    expect(factoryAdminUser(' AXIS Communications AB ')).toBe('root');
  });

  it('is admin where the brand is not known or not in the catalogue', () => {
    expect(FACTORY_ADMIN_USER).toBe('admin');
    expect(factoryAdminUser(null)).toBe('admin');
    expect(factoryAdminUser(undefined)).toBe('admin');
    expect(factoryAdminUser('')).toBe('admin');
    expect(factoryAdminUser('   ')).toBe('admin');
    expect(factoryAdminUser('Acme Vision')).toBe('admin');
    expect(factoryAdminUser('Annke')).toBe('admin');
  });
});
