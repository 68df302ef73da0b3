import { describe, expect, it } from 'vitest';
import { eventContract, invokeContract } from '../../../src/shared/ipc/contract';
import { EVENT_NAMES, INVOKE_CHANNELS, JOB_START_CHANNELS, createFakeApi } from './fake-api';

describe('the fake API follows the contract', () => {
  it('knows every channel and event from the contract itself (a new step needs no edit here)', () => {
    expect(INVOKE_CHANNELS).toEqual(Object.keys(invokeContract));
    expect(EVENT_NAMES).toEqual(Object.keys(eventContract));
    expect(JOB_START_CHANNELS).toEqual(expect.arrayContaining(['discovery.start', 'ports.audit', 'ports.apply']));
    expect(JOB_START_CHANNELS).not.toContain('ports.get');
  });

  it('answers "not faked" for a contract channel without a handler, and refuses names the contract lacks', async () => {
    const fake = createFakeApi();
    for (const channel of INVOKE_CHANNELS) {
      expect(await fake.invoke(channel, {} as never)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(fake.calls).toHaveLength(INVOKE_CHANNELS.length);
    expect(() => createFakeApi({ 'ports.typo': () => null } as never)).toThrow(/does not have/);
    expect(() => fake.emit('ports.onTypo' as never, {})).toThrow(/does not have/);
    expect(() => fake.on('ports.onTypo' as never, () => undefined)).toThrow(/does not have/);
  });
});
