import { describe, it, expect } from 'vitest';
import { FUSE_VERSION, INTENDED_FUSES } from '../../../src/main/electron/fuses';

// src/main/electron/fuses.ts is the table a packaging step will flip into the Electron binary. There is no packaging
// step yet, so nothing reads the table: these tests pin its values and no more. They do not show that any binary
// has a fuse flipped; the todo below is that check, for when packaging lands.
describe('the fuse table the packaging step will apply (nothing applies it yet)', () => {
  it('pins the hardened values: no run-as-node, no NODE_OPTIONS, no --inspect, no file:// privileges, asar only', () => {
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

  it('is frozen: code cannot change the table at run time', () => {
    expect(Object.isFrozen(INTENDED_FUSES)).toBe(true);
  });

  it.todo('the packaged binary has these fuses flipped (read back with @electron/fuses once packaging exists)');
});
