import { describe, expect, it } from 'vitest';
import { progressLines } from '../../../src/main/cli/progress-line';
import { createTranslator, localeFromEnv } from '../../../src/shared/i18n';
import { english } from '../../../src/shared/i18n/english';
import { said } from '../../../src/shared/i18n/said';

// A job's progress on the terminal: a line main said by key comes in the terminal's language, values as they came;
// in English the line is main's sentence as it came, and no catalogue is made for it.
const looking = said('staticIp.progress.lookingRound', { address: '192.168.1.230', round: '3', rounds: '30' });
const event = { done: 4, total: 6, message: english(looking), said: looking };

describe('the CLI’s progress lines', () => {
  it('in the pseudo locale: main’s words by key, not its English', () => {
    const xa = createTranslator('en-XA');
    const line = progressLines(localeFromEnv({ LANG: 'en_XA.UTF-8' }), () => xa);
    const shown = line(event);
    expect(shown).toBe(
      `  4/6 ${xa.t('staticIp.progress.lookingRound', { address: '192.168.1.230', round: '3', rounds: '30' })}\n`,
    );
    expect(shown).not.toContain('Looking for the NVR');
    expect(shown).toContain('192.168.1.230');
  });

  it('in English: the sentence as main sent it, without making a translator', () => {
    let made = 0;
    const line = progressLines(localeFromEnv({ LANG: 'en_GB.UTF-8' }), () => {
      made += 1;
      return createTranslator('en');
    });
    expect(line(event)).toBe('  4/6 Looking for the NVR at 192.168.1.230… (3/30)\n');
    expect(line({ done: 2, total: null, message: 'A line said only in English.' })).toBe(
      '  2 A line said only in English.\n',
    );
    expect(made).toBe(0);
  });
});
