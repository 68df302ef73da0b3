import type { Approach } from './setup';
import { STEPS, type StepId } from './steps';

/**
 * Which wizard steps the way chosen on "Your network" needs: THE table (step id × approach). A step that does not
 * apply is skipped by "Next" and shown as skipped in the list of steps, with the reason below in plain words; its
 * page stays usable and nothing it measured is deleted, so choosing another way later brings it back as it was.
 * While no way is chosen every step applies.
 */
export type StepFit =
  | { applies: true }
  | {
      applies: false;
      /** Why the step is not needed for this way, in plain words (one or two sentences). */
      reason: string;
      /** Not needed for this way, but the safer way the user could take instead (the VPN beside port forwarding). */
      recommendedInstead?: true;
    };

const APPLIES = { applies: true } as const;
const skipped = (reason: string): StepFit => ({ applies: false, reason });

/** Each way as the notes say it ("Not needed for the VPN way"). */
export const APPROACH_WAY: Record<Approach, string> = {
  vpn: 'the VPN way',
  'port-forwarding': 'the port-forwarding way',
  'vendor-cloud': 'the vendor-cloud way',
};

/**
 * The steps some way does not need, with why. A step not listed here is needed by every way: Your network, Find your
 * NVR, Static IP, Security, UPnP (there to be turned off, whatever the way), Verify, Checklist — and a new step until
 * it is listed.
 */
export const STEP_APPROACH: Partial<Record<StepId, Record<Approach, StepFit>>> = {
  ports: {
    vpn: skipped(
      'Through the VPN you reach the NVR as if you were at home, so none of its ports is opened to the internet ' +
        'and none needs moving for it.',
    ),
    'port-forwarding': APPLIES,
    'vendor-cloud': skipped(
      'The NVR connects out to the maker’s cloud, so none of its ports is opened to the internet and none needs ' +
        'moving for it.',
    ),
  },
  // The VPN needs to know whether the router holds the public address (a WireGuard server at home) or the provider
  // shares it (carrier-grade NAT: an overlay VPN instead). The vendor cloud does not: the NVR dials out to the maker's
  // servers, which works behind carrier-grade NAT and double NAT alike, so the step's verdict (can the internet reach
  // this router?) changes nothing for it, and a CGNAT verdict would read as a problem that is none. Its page stays
  // usable for a user who wants the outside check that no NVR port answers.
  internet: {
    vpn: APPLIES,
    'port-forwarding': APPLIES,
    'vendor-cloud': skipped(
      'The vendor cloud needs no public address: the NVR connects out to the maker’s servers, which works even ' +
        'when your provider shares one address between customers.',
    ),
  },
  ddns: {
    vpn: APPLIES,
    'port-forwarding': APPLIES,
    'vendor-cloud': skipped('The maker’s app finds the NVR by its cloud ID, so your home’s address needs no name.'),
  },
  rules: {
    vpn: skipped('The VPN needs no forward rule to the NVR: only the VPN’s own port, which the VPN step gives you.'),
    'port-forwarding': APPLIES,
    'vendor-cloud': skipped('The vendor cloud needs no forward rule in the router: the NVR connects out by itself.'),
  },
  vpn: {
    vpn: APPLIES,
    'port-forwarding': {
      applies: false,
      reason:
        'You chose to forward ports instead. A VPN is still the safer way: the NVR stays invisible to the internet.',
      recommendedInstead: true,
    },
    'vendor-cloud': skipped('The maker’s cloud connects your phone to the NVR, so no tunnel is needed.'),
  },
};

/** Whether the step applies to the chosen way (every step does while none is chosen). */
export function stepFit(stepId: StepId, approach: Approach | null): StepFit {
  return (approach && STEP_APPROACH[stepId]?.[approach]) || APPLIES;
}

/** How a step that the chosen way does not need is said; null when it applies. */
export interface StepSkip {
  /** "the VPN way". */
  way: string;
  reason: string;
  /** The short line under the step's name in the list ("not needed for the VPN way", or "recommended instead"). */
  short: string;
  /** The note's first words at the top of its page ("Not needed for the VPN way:"). */
  lead: string;
  recommendedInstead: boolean;
}

export function stepSkip(stepId: StepId, approach: Approach | null): StepSkip | null {
  if (!approach) return null;
  const fit = stepFit(stepId, approach);
  if (fit.applies) return null;
  const way = APPROACH_WAY[approach];
  const recommendedInstead = fit.recommendedInstead === true;
  return {
    way,
    reason: fit.reason,
    short: recommendedInstead ? 'recommended instead' : `not needed for ${way}`,
    lead: `Not needed for ${way}:`,
    recommendedInstead,
  };
}

/**
 * The step "Next" leads to from `from`: the first later step in STEPS that has a page (`hasPage`, e.g. a route) and
 * that the chosen way needs; null when there is none. The step we are on may itself be skipped: Next still goes on.
 */
export function nextStepFor(from: StepId, approach: Approach | null, hasPage: (id: StepId) => boolean): StepId | null {
  const index = STEPS.findIndex((s) => s.id === from);
  const next = STEPS.slice(index + 1).find((s) => hasPage(s.id) && stepFit(s.id, approach).applies);
  return next?.id ?? null;
}
