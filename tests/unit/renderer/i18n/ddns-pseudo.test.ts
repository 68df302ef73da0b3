// @vitest-environment happy-dom
// The DDNS step in the pseudo locale (en-XA): each of its own sentences (en/ddns.ts) must come out accented, so one
// left in the .vue files or the page's word helpers (ddns-words.ts: the providers' help, the field checks, the answers'
// titles) as English would show here. main's own words are said by key (en/ddns.ts, `said`: the provider's answer
// read, the check's verdict) and count as the step's sentences here: none of them may show in English. The rest of the
// page stays as it came: the providers' brand names (data), the routers' and NVRs' clients (the catalogues), and the
// values (addresses, codes, the requests sent).
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { useRulesStore } from '../../../../src/renderer/stores/rules';
import { createTranslator, en } from '../../../../src/shared/i18n';
import { mountStep, useStepHarness } from '../mount-step';
import { ACCOUNT, HOST, PUBLIC, fakeDdns, lookup } from '../steps/ddns/fake-ddns';
import { said } from '../../../../src/shared/i18n/said';
import { readDyndns2Answer } from '../../../../src/shared/domain/ddns';
import { attributeTexts } from './english-on-page';
import { ROUTER_DDNS } from '../../../../src/shared/catalog/router-ddns';
import { routerDdnsSteps } from '../../../../src/shared/catalog/router-ddns-steps';
import { english } from '../../../../src/shared/i18n/english';

let fake = fakeDdns();
useStepHarness({ path: '/step/ddns', handlers: () => (fake = fakeDdns()).handlers });
afterEach(() => setLocale(null));

/** Every message of the ddns group without placeholders, by key. */
function staticMessages(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string') {
      if (!/\{\w+\}/.test(node)) out.push([key, node]);
    } else if (node && typeof node === 'object' && !('other' in node))
      for (const [k, v] of Object.entries(node)) walk(v, `${key}.${k}`);
  };
  walk(en.ddns, 'ddns');
  return out;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The page's text (sentences with markup inside whole) and its user-facing attributes. */
const pageText = () => norm([document.body.textContent ?? '', ...attributeTexts()].join(' | '));

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);

describe('the DDNS step in the pseudo locale: none of its own sentences is left in English', () => {
  it('through the form, an update refused, a check, and a router chosen and not known', async () => {
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const w = await mountStep();
    const texts = [pageText()];
    await byTest(w, 'ddns-provider-dyndns2').setValue(true);
    texts.push(pageText());
    await byTest(w, 'ddns-provider-noip').setValue(true);
    await byTest(w, 'ddns-host').setValue(HOST);
    await byTest(w, 'ddns-user').setValue(ACCOUNT.user);
    await byTest(w, 'ddns-secret').setValue('wrong');
    await byTest(w, 'ddns-form').trigger('submit');
    await flushPromises();
    expect(byTest(w, 'ddns-answer').exists()).toBe(true);
    // The provider's answer titled in the page's language (a short word: checked by itself, not by the sentence rule).
    expect(byTest(w, 'ddns-answer').text()).toContain(pseudo.t('ddns.words.outcome.auth'));
    expect(byTest(w, 'ddns-answer').text()).not.toContain('Login refused');
    // main's meaning of the answer, said by key: in the page's language, at the answer and at the field it is about.
    const refused = readDyndns2Answer(200, 'badauth', PUBLIC);
    expect(byTest(w, 'ddns-answer-words').text()).toBe(pseudo.t('ddns.said.answer.badauth'));
    expect(pageText()).not.toContain(refused.words);
    texts.push(pageText());
    await byTest(w, 'ddns-check').trigger('click');
    await flushPromises();
    // The check's verdict, said by key with the addresses, the TTL and the zone's server as they came.
    expect(byTest(w, 'ddns-verdict-words').text()).toBe(
      pseudo.t('ddns.said.check.okAtBothTtl', { host: HOST, address: PUBLIC, ttl: '60', server: '198.51.100.53' }),
    );
    expect(pageText()).not.toContain(`${HOST} points to ${PUBLIC} (TTL 60 s)`);
    // Where the public address came from, in main's words said by key.
    expect(pageText()).toContain(`${PUBLIC} (${pseudo.t('ddns.said.from.router')})`);
    texts.push(pageText());
    useRulesStore().family = 'tp-link';
    await flushPromises();
    texts.push(pageText());
    useRulesStore().family = 'google';
    await flushPromises();
    expect(byTest(w, 'ddns-router-unknown').exists()).toBe(true);
    texts.push(pageText());
    const all = texts.join(' || ');

    const shown = staticMessages().filter(([key]) => all.includes(norm(pseudo.t(key as never))));
    // Most of the step's sentences were on the page, in pseudo (the rest belong to states not shown here).
    expect(shown.length).toBeGreaterThan(30);
    // And none of them in English (short words like "Name" may be inside data: only sentences are checked).
    const english = staticMessages().filter(([, text]) => text.length > 24 && all.includes(norm(text)));
    expect(english).toEqual([]);
  });

  it('a router’s own client (FRITZ!Box): what it offers and its steps in en-XA, the name and user as typed', async () => {
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const w = await mountStep();
    await byTest(w, 'ddns-provider-noip').setValue(true);
    await byTest(w, 'ddns-host').setValue(HOST);
    await byTest(w, 'ddns-user').setValue(ACCOUNT.user);
    await byTest(w, 'ddns-router-family').setValue('fritzbox');
    await flushPromises();
    const shown = byTest(w, 'ddns-router-steps').text();
    const values = { provider: 'noip' as const, host: HOST, user: ACCOUNT.user, server: '' };
    for (const step of routerDdnsSteps(ROUTER_DDNS.fritzbox!, values)) expect(shown).not.toContain(step);
    expect(shown).toContain(pseudo.t('ddns.said.router.fritzbox.steps.s1'));
    expect(shown).toContain(
      pseudo.t('ddns.said.router.fritzbox.providers.noip', {
        name: HOST,
        user: ACCOUNT.user,
        secret: pseudo.t('ddns.said.router.fill.secret.password'),
      }),
    );
    // What each router's client offers, in the list of routers with their own.
    const clients = byTest(w, 'ddns-router-clients').text();
    expect(clients).toContain(pseudo.t('ddns.said.router.fritzbox.offers'));
    expect(clients).not.toContain(english(ROUTER_DDNS.fritzbox!.offers));
  });

  it('no answer at the zone’s server: main’s reason said in en-XA, beside the verdict', async () => {
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const english = 'this computer has no DNS server to ask which server holds the zone';
    fake.dns = {
      authoritative: {
        server: null,
        rcode: null,
        addresses: [],
        error: english,
        errorSaid: said('ddns.said.lookup.noResolver'),
      },
      system: lookup('system resolver', PUBLIC),
    };
    const w = await mountStep();
    await byTest(w, 'ddns-host').setValue(HOST);
    await byTest(w, 'ddns-check').trigger('click');
    await flushPromises();
    expect(byTest(w, 'ddns-authoritative').text()).toContain(pseudo.t('ddns.said.lookup.noResolver'));
    expect(pageText()).not.toContain(english);
    expect(byTest(w, 'ddns-verdict-words').text()).toBe(
      pseudo.t('ddns.said.check.okAtSystemTtl', { host: HOST, address: PUBLIC, ttl: '60' }),
    );
  });
});
