// `nvr-assist rules --router <family with a web page>`: the numbered steps main writes for that router's forward page,
// said by key, in the terminal's language (en-XA here): the menu path, the fields' labels, the family's name and the
// plan's values as the router and the plan have them; in English main's text as before.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRouterCommands } from '../../../../src/main/features/rules/cli';
import { FORWARD_PAGES } from '../../../../src/shared/catalog/router-forwards';
import { forwardPlanSchema, type ForwardPlan } from '../../../../src/shared/domain/forward-plan';
import { routerCommands, routerStepsSaid } from '../../../../src/shared/domain/router-commands';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';

const PLANS = JSON.parse(
  readFileSync(resolve(__dirname, '../../../fixtures/rule-commands/plans.json'), 'utf8'),
) as Record<'limited' | 'open', unknown>;
const limited: ForwardPlan = forwardPlanSchema.parse(PLANS.limited);
/** What main answers to rules.commands for a family (src/main/features/rules/index.ts). */
const written = (family: (typeof FORWARD_PAGES)[number]['id']) => ({
  family,
  text: routerCommands(family, limited),
  said: routerStepsSaid(family, limited),
});

describe('renderRouterCommands in the terminal’s language', () => {
  const xa = createTranslator('en-XA');

  it('a web page’s steps in en-XA, the path, labels and values as they came; none of main’s English', () => {
    const c = written('tp-link');
    const text = renderRouterCommands(c, xa.t);
    const lines = text.split('\n');
    const english = c.text.split('\n');
    expect(lines).toHaveLength(english.length);
    for (const line of english.slice(1)) expect(text).not.toContain(line.replace(/^\d+\. /, ''));
    const tp = FORWARD_PAGES.find((p) => p.id === 'tp-link')!;
    expect(lines[0]).toBe(`# ${xa.t('rules.said.forward.header', { family: 'TP-Link Archer', source: tp.source })}`);
    expect(lines[1]).toBe(`1. ${xa.t('rules.said.forward.open', { path: tp.path })}`);
    const rule = limited.rules[0]!;
    expect(lines[2]).toBe(
      `2. ${xa.t('rules.said.forward.addRule', {
        nameField: 'Service Type',
        name: rule.name,
        externalField: 'External Port',
        external: String(rule.externalPort),
        addressField: 'Internal IP',
        address: rule.internalAddress,
        internalField: 'Internal Port',
        internal: String(rule.internalPort),
        protocolField: 'Protocol',
        protocol: rule.protocol.toUpperCase(),
      })}`,
    );
    expect(lines).toContain(`${lines.length - 2}. ${xa.t('rules.said.forward.openToAll')}`);
    expect(lines.at(-1)).toContain(xa.t('rules.said.forward.triggering'));
  });

  it('every family with a web page: nothing left in main’s English; a family’s words of its own by key', () => {
    for (const page of FORWARD_PAGES) {
      const c = written(page.id);
      const text = renderRouterCommands(c, xa.t);
      for (const line of c.text.split('\n').slice(1)) expect(text, page.id).not.toContain(line.replace(/^\d+\. /, ''));
    }
    expect(renderRouterCommands(written('fritzbox'), xa.t)).toContain(xa.t('rules.said.forward.deviceChosen'));
    expect(renderRouterCommands(written('fritzbox'), xa.t)).toContain(xa.t('rules.said.forward.note.fritzbox'));
    // The ISP box is named in words of ours (the makers' names are data), the same English as the catalogue's.
    const isp = FORWARD_PAGES.find((p) => p.id === 'isp')!;
    expect(english(isp.familySaid!)).toBe(isp.family);
    expect(renderRouterCommands(written('isp'), xa.t).split('\n')[0]).toBe(
      `# ${xa.t('rules.said.forward.header', { family: xa.t('rules.said.forward.family.isp'), source: isp.source })}`,
    );
  });

  it('in English: main’s text as it is; the commands of a command-line router as they are in any language', () => {
    for (const page of FORWARD_PAGES) {
      const c = written(page.id);
      expect(renderRouterCommands(c, createTranslator('en').t)).toBe(c.text);
      expect(renderRouterCommands(c)).toBe(c.text);
    }
    const nft = { family: 'nftables' as const, text: routerCommands('nftables', limited) };
    expect(renderRouterCommands(nft, xa.t)).toBe(nft.text);
  });
});
