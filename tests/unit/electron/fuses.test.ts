import { describe, it, expect } from 'vitest';
import { FUSE_VERSION, INTENDED_FUSES } from '../../../src/main/electron/fuses';

describe('INTENDED_FUSES', () => {
  it('is exactly the hardened set', () => {
    expect(FUSE_VERSION).toBe('V1');
    expect(INTENDED_FUSES).toStrictEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(INTENDED_FUSES)).toBe(true);
  });

  it.each([
    ['RunAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['GrantFileProtocolExtraPrivileges', false],
  ] as const)('closes the code-injection door %s', (name, value) => {
    expect(INTENDED_FUSES[name]).toBe(value);
  });
});
