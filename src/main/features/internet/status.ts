import type { OutsideProof } from '../../../shared/domain/outside-proof';
import type { PublicAddressCheck } from '../../../shared/domain/public-address';
import type { SetupRecord } from '../../../shared/domain/setup';
import { stepState } from '../../../shared/domain/step-state';
import { said } from '../../../shared/i18n/said';
import { saidInEnglish } from '../../../shared/i18n/english';
import { judgeRulesProven } from '../rules/status';

/**
 * Sets the Internet step's status from a check (the one place it is set): verified when the router holds the public
 * address (forwarding can work); attention for double NAT and CGNAT (forwarding alone cannot work) and for a verdict
 * that could not be reached, with the reason in plain words.
 */
export function judgeInternetStep(draft: SetupRecord, check: PublicAddressCheck, at: Date): void {
  const updatedAt = at.toISOString();
  const { verdict } = check;
  if (verdict.code === 'public-on-router') draft.steps.internet = { status: 'verified', updatedAt };
  else
    draft.steps.internet = stepState(
      'attention',
      updatedAt,
      verdict.code === 'unknown'
        ? saidInEnglish(said('wizard.reasons.internet.unknown'))
        : {
            text: `${verdict.title}: port forwarding on your router alone cannot reach the NVR.`,
            // The verdict's title by its own key (it has no values): the page says the sentence in its language.
            ...(verdict.said && !verdict.said.title.params
              ? { said: said('wizard.reasons.internet.noForwarding', { verdict: { key: verdict.said.title.key } }) }
              : {}),
          },
    );
}

/**
 * Keeps a proof from outside as the Internet step's (whoever made it: this step, or the VPN check's --prove), and lets
 * the Router rules step judge its rules by it (verified when every planned rule was reachable).
 */
export function keepProof(draft: SetupRecord, proof: OutsideProof, at: Date): void {
  draft.internet.proof = proof;
  judgeRulesProven(draft, proof, at);
}
