import { boundedGet } from '../../services/internet/bounded-get';
import { probePathHops, systemHopDeps } from '../../services/internet/hop-probe';
import { createOutsideProofService } from '../../services/internet/outside-proof-service';
import { createPublicAddressService } from '../../services/internet/public-address-service';
import { nodeLookup } from '../../transport/dns';
import { nodeTcpProbe } from '../../transport/tcp';
import { nodeUdp } from '../../transport/udp';
import type { AppContext } from '../types';

/**
 * The Internet step's two services, built the one way both the step and Verify use them: the public address (STUN,
 * an echoip checker, the hops toward the STUN server) and the proof from outside (the checker's /port/N, the hairpin).
 */
export function internetServices(ctx: Pick<AppContext, 'http' | 'now'>) {
  const get = boundedGet(ctx.http);
  return {
    publicAddress: createPublicAddressService({
      udp: nodeUdp,
      lookup: nodeLookup,
      get,
      now: ctx.now,
      hops: (target, signal) => probePathHops(systemHopDeps, target, signal),
    }),
    prover: createOutsideProofService({ get, tcp: nodeTcpProbe, lookup: nodeLookup, now: ctx.now }),
  };
}
