// The common nftables forward chains the Router rules page offers in one click (src/shared/catalog/nft-forward-chains.ts).
// What the user would lose if it broke: a suggested name the commands refuse (or, worse, one that reaches the shell
// unchecked), a chain with no source saying where it comes from, or a button without its words.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORWARD_CHAIN_IDS, FORWARD_CHAINS } from '../../../../src/shared/catalog/nft-forward-chains';
import { forwardPlanSchema } from '../../../../src/shared/domain/forward-plan';
import { routerCommands } from '../../../../src/shared/domain/router-commands';
import { checkCommandOptions } from '../../../../src/shared/domain/rule-options';
import { createTranslator } from '../../../../src/shared/i18n';

const PLANS = JSON.parse(
  readFileSync(join(resolve(__dirname, '../../../fixtures/rule-commands'), 'plans.json'), 'utf8'),
) as Record<string, unknown>;
const plan = forwardPlanSchema.parse(PLANS['limited']);

describe('the common nftables forward chains', () => {
  it('OpenWrt’s fw4 chain and the inet filter chain of Debian’s and Arch’s nftables.conf, each once, in the order offered', () => {
    expect(FORWARD_CHAINS.map((c) => c.id)).toEqual([...FORWARD_CHAIN_IDS]);
    expect(FORWARD_CHAINS.map((c) => c.chain)).toEqual(['inet fw4 forward', 'inet filter forward']);
  });

  it('each is a chain the commands take as it is: "<family> <table> <chain>", nothing a shell would read', () => {
    for (const c of FORWARD_CHAINS) {
      expect(checkCommandOptions({ forwardChain: c.chain }), c.id).toBeNull();
      expect(c.chain, c.id).toMatch(/^(ip|inet) [a-z0-9_]+ [a-z0-9_]+$/);
    }
  });

  it('each becomes the accepts in that chain, for every planned rule', () => {
    for (const c of FORWARD_CHAINS) {
      const text = routerCommands('nftables', plan, { forwardChain: c.chain });
      const accepts = text.split('\n').filter((l) => l.startsWith(`nft add rule ${c.chain} `));
      expect(accepts, c.id).toHaveLength(plan.rules.length);
      for (const line of accepts) expect(line, c.id).toContain('ct status dnat accept');
    }
  });

  it('each has its sources (addresses to follow) and a confidence', () => {
    for (const c of FORWARD_CHAINS) {
      const sources = c.source.split(' ; ');
      expect(sources.length, c.id).toBeGreaterThanOrEqual(1);
      for (const s of sources) expect(s, c.id).toMatch(/^https:\/\/[^\s]+$/);
      expect(['H', 'M', 'L'], c.id).toContain(c.confidence);
    }
    expect(FORWARD_CHAINS.find((c) => c.id === 'fw4')!.source).toContain('openwrt/firewall4');
  });

  it('each says where it comes from, in the catalogue’s words', () => {
    const { t } = createTranslator('en');
    expect(t('rules.router.chainFrom.fw4')).toContain('OpenWrt 22.03');
    expect(t('rules.router.chainFrom.filter')).toContain('/etc/nftables.conf');
    for (const id of FORWARD_CHAIN_IDS)
      expect(t(`rules.router.chainFrom.${id}`)).not.toBe(`rules.router.chainFrom.${id}`);
  });
});
