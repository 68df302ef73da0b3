import { describe, expect, it } from 'vitest';
import { APPROACHES, type Approach } from '../../../../src/shared/domain/setup';
import { STEPS, STEP_IDS, type StepId } from '../../../../src/shared/domain/steps';
import { STEP_APPROACH, nextStepFor, stepFit, stepSkip } from '../../../../src/shared/domain/step-approach';

/**
 * The steps each way does not need, as issue 14 (item 1) states them; every other step applies (a step added later
 * too, until the table lists it).
 */
const NOT_NEEDED: Record<Approach, StepId[]> = {
  vpn: ['ports', 'rules'],
  'port-forwarding': ['vpn'],
  'vendor-cloud': ['ports', 'internet', 'ddns', 'rules', 'vpn'],
};
const NEEDED = Object.fromEntries(
  APPROACHES.map((a) => [a, STEP_IDS.filter((id) => !NOT_NEEDED[a].includes(id))]),
) as Record<Approach, StepId[]>;

const withPage = (id: StepId): boolean => STEPS.find((s) => s.id === id)!.available;
const everyPage = (): boolean => true;
/** As if the last two steps had no page yet (how the wizard was before they landed). */
const noLastTwo = (id: StepId): boolean => id !== 'verify' && id !== 'checklist';

/** Where pressing Next again and again leads from "Your network". */
function walk(approach: Approach | null, hasPage: (id: StepId) => boolean): StepId[] {
  const path: StepId[] = ['network'];
  for (let at = nextStepFor('network', approach, hasPage); at; at = nextStepFor(at, approach, hasPage)) path.push(at);
  return path;
}

describe('which steps each way needs (step-approach.ts)', () => {
  it('the table lists only real steps with all three ways; a step it does not list is needed by every way', () => {
    for (const [id, ways] of Object.entries(STEP_APPROACH)) {
      expect(STEP_IDS).toContain(id);
      expect(Object.keys(ways!).sort()).toEqual([...APPROACHES].sort());
    }
    for (const approach of APPROACHES) {
      expect(stepFit('find', approach)).toEqual({ applies: true });
      expect(stepFit('upnp', approach), 'UPnP is there to be turned off, whatever the way').toEqual({ applies: true });
    }
  });

  it.each(APPROACHES)('%s: exactly the steps the issue lists apply, the others are skipped', (approach) => {
    const applying = STEP_IDS.filter((id) => stepFit(id, approach).applies);
    expect(applying).toEqual(NEEDED[approach]);
  });

  it('every skipped step says why in a sentence (the user is never left with a bare "skipped")', () => {
    for (const id of STEP_IDS)
      for (const approach of APPROACHES) {
        const fit = stepFit(id, approach);
        if (fit.applies) continue;
        expect(fit.reason, `${id} / ${approach}`).toMatch(/^[A-Z].{30,}[.]$/);
      }
  });

  it('the VPN beside port forwarding is the only step "recommended instead"; cloud and VPN ways skip plainly', () => {
    const recommended = STEP_IDS.flatMap((id) =>
      APPROACHES.filter((a) => {
        const fit = stepFit(id, a);
        return !fit.applies && fit.recommendedInstead;
      }).map((a) => `${id}/${a}`),
    );
    expect(recommended).toEqual(['vpn/port-forwarding']);
    expect(stepSkip('vpn', 'port-forwarding')).toMatchObject({
      recommendedInstead: true,
      short: 'recommended instead',
    });
    expect(stepSkip('vpn', 'vendor-cloud')).toMatchObject({ recommendedInstead: false });
  });

  it('while no way is chosen every step applies and none is called skipped (the wizard as it was)', () => {
    for (const id of STEP_IDS) {
      expect(stepFit(id, null)).toEqual({ applies: true });
      expect(stepSkip(id, null)).toBeNull();
    }
  });

  it('says a skipped step with its way: "Not needed for the VPN way:" and the table’s reason', () => {
    const ports = stepSkip('ports', 'vpn')!;
    const fit = stepFit('ports', 'vpn');
    expect(fit.applies).toBe(false);
    expect(ports).toEqual({
      way: 'the VPN way',
      reason: fit.applies ? '' : fit.reason,
      short: 'not needed for the VPN way',
      lead: 'Not needed for the VPN way:',
      recommendedInstead: false,
    });
    expect(stepSkip('rules', 'vendor-cloud')?.lead).toBe('Not needed for the vendor-cloud way:');
    expect(stepSkip('ports', 'port-forwarding')).toBeNull();
    expect(stepSkip('internet', 'vpn')).toBeNull();
  });
});

describe('where "Next" leads (nextStepFor)', () => {
  it('the VPN way: DDNS leads to VPN over Router rules; Static IP leads past Ports', () => {
    expect(nextStepFor('ddns', 'vpn', withPage)).toBe('vpn');
    expect(nextStepFor('rules', 'vpn', withPage)).toBe('vpn');
    // Computed from STEPS (a step added after Ports keeps the rule tested): the first later needed step with a page.
    const afterPorts = STEPS.slice(STEPS.findIndex((s) => s.id === 'ports') + 1)
      .map((s) => s.id)
      .find((id) => withPage(id) && NEEDED.vpn.includes(id));
    expect(afterPorts).toBeDefined();
    expect(nextStepFor('static-ip', 'vpn', withPage)).toBe(afterPorts);
    // From a skipped step itself (opened from the list), Next still goes on to the next needed one.
    expect(nextStepFor('ports', 'vpn', withPage)).toBe(afterPorts);
    // Without a way, Static IP leads to Ports as before.
    expect(nextStepFor('static-ip', null, withPage)).toBe('ports');
  });

  it('no way chosen: every step with a page in order, as before (planned steps are passed over)', () => {
    expect(walk(null, withPage)).toEqual(STEPS.filter((s) => s.available).map((s) => s.id));
    expect(nextStepFor('ddns', null, withPage)).toBe('rules');
  });

  it.each(APPROACHES)('%s: Next from "Your network" visits exactly the needed steps with a page, in order', (a) => {
    expect(walk(a, withPage)).toEqual(NEEDED[a].filter(withPage));
    // Once every step has a page (Security, Verify, Checklist land), the walk is the whole needed list.
    expect(walk(a, everyPage)).toEqual(NEEDED[a]);
  });

  it('port forwarding passes over the VPN (it stays in the list, recommended instead); the last step has no Next', () => {
    expect(nextStepFor('rules', 'port-forwarding', everyPage)).toBe('verify');
    expect(nextStepFor('checklist', 'port-forwarding', everyPage)).toBeNull();
    expect(nextStepFor('checklist', null, everyPage)).toBeNull();
  });

  it('the vendor cloud goes from UPnP to Verify, past Internet, DDNS, Router rules and VPN', () => {
    expect(nextStepFor('upnp', 'vendor-cloud', everyPage)).toBe('verify');
    expect(nextStepFor('upnp', 'vendor-cloud', noLastTwo)).toBeNull();
    expect(nextStepFor('upnp', null, noLastTwo)).toBe('internet');
  });

  it('a step without a page is passed over even when the way needs it', () => {
    expect(nextStepFor('ddns', 'port-forwarding', (id) => id !== 'rules' && noLastTwo(id))).toBeNull();
    expect(nextStepFor('ddns', null, (id) => id !== 'rules' && noLastTwo(id))).toBe('vpn');
  });
});
