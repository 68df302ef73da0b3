// The proof from outside (issue 13 item 3): for every rule of the saved Router rules plan, an echoip-compatible
// checker on the internet (`GET /port/N` → `{ ip, port, reachable }`) tries a TCP connection back to this network's
// public address; the same for ports that must NOT be reachable (telnet, FTP, SSH, plain HTTP, RTSP, the NVR's admin
// pages). Per port: reachable / closed / filtered, with the likely cause from what the app already knows (the
// internet verdict, the Ports step's last measurement, the UPnP step's last audit). Pure: the main process asks
// (services/internet/outside-proof-service), this decides. Every text is plain (no markup).
//
// An echoip checker answers only `reachable: true|false`. Closed (something answered with a refusal) and filtered (no
// answer until the checker gave up — echoip and the lab's checker wait about 2 s) are told apart by how fast the
// "no" came: well before the checker's own time-out it was a refusal.
// The shapes are in outside-proof-shapes.ts, one port's judgement in outside-proof-row.ts; this file asks which
// ports, judges the whole proof and the hairpin, and exports all of it (`./outside-proof` stays the one import).
import { ROLE_LABELS, portsForBrand } from '../catalog/ports';
import type { ForwardPlan } from './forward-plan';
import { judgeRow, type ProofInput } from './outside-proof-row';
import {
  FORBIDDEN_PORTS,
  type Hairpin,
  type HairpinRow,
  type OutsideProof,
  type ProofTarget,
} from './outside-proof-shapes';
import type { PortReport } from './ports';

export * from './outside-proof-row';
export * from './outside-proof-shapes';

/** How a port of the NVR's that must not be reachable is named: a web page as such, another admin port by its kind. */
function adminLabel(row: PortReport['rows'][number]): string {
  const http = row.service === 'http' || row.role === 'http';
  if (http && row.plainText) return 'the NVR’s plain HTTP admin page';
  if (http || row.service === 'https' || row.role === 'https') return 'the NVR’s admin page';
  return row.role ? `the NVR’s ${ROLE_LABELS[row.role]}` : 'the NVR’s admin port';
}

/**
 * The ports to ask about: every planned rule (UDP ones too, flagged), then the forbidden ones not planned — the usual
 * five, the NVR's open admin ports from the Ports step's last measurement, and, when its ports were never measured
 * (the VPN way skips Ports), the TCP ports its maker uses by default (`brand`, the found device's): an NVR port that
 * answers from outside is exposed whichever way it was opened.
 */
export function proofTargets(
  plan: ForwardPlan | null,
  report: PortReport | null,
  brand: string | null = null,
): ProofTarget[] {
  const out: ProofTarget[] = [];
  for (const r of plan?.rules ?? [])
    out.push({
      kind: 'planned',
      protocol: r.protocol,
      port: r.externalPort,
      label: r.name.slice(0, 80),
      internal: { address: r.internalAddress, port: r.internalPort },
      sources: r.sources,
    });
  const planned = new Set(out.filter((t) => t.protocol === 'tcp').map((t) => t.port));
  const forbidden = new Map<number, string>(FORBIDDEN_PORTS.map((f) => [f.port, f.label]));
  for (const row of report?.rows ?? [])
    if (row.state === 'open' && (row.adminUi || (row.plainText && row.service === 'http')) && !forbidden.has(row.port))
      forbidden.set(row.port, adminLabel(row));
  if (!report)
    for (const p of portsForBrand(brand)?.ports ?? [])
      if (p.transport === 'tcp' && p.portEnd === undefined && !forbidden.has(p.port))
        forbidden.set(p.port, `the NVR’s ${ROLE_LABELS[p.role]} (maker’s default, not measured)`.slice(0, 80));
  for (const [p, label] of [...forbidden].sort((a, b) => a[0] - b[0]))
    if (!planned.has(p)) out.push({ kind: 'forbidden', protocol: 'tcp', port: p, label, internal: null, sources: [] });
  return out.slice(0, 48);
}

export interface ProofJudgeInput extends ProofInput {
  measuredAt: string;
  checker: string;
  target: string | null;
  name: string | null;
  hairpin: Hairpin | null;
}

/** The whole proof: every row, and the overall verdict. */
export function judgeOutsideProof(input: ProofJudgeInput): OutsideProof {
  const findings: string[] = [];
  let tested: string | null = null;
  for (const a of input.answers.values()) if (a.ok && a.ip && !tested) tested = a.ip;
  if (tested && input.target && tested !== input.target)
    findings.push(
      input.name
        ? `The checker tested ${tested} (this network’s address now), but ${input.name} points at ${input.target}: update the DDNS name.`
        : `The checker tested ${tested}, but the Internet step last saw ${input.target}: the public address changed — check it again.`,
    );
  const rows = input.targets.map((t) => judgeRow(t, input));
  const planned = rows.filter((r) => r.kind === 'planned' && r.protocol === 'tcp');
  const exposed = rows.filter((r) => r.kind === 'forbidden' && r.ok === false);
  const failedPlanned = planned.filter((r) => r.ok === false);
  let verdict: OutsideProof['verdict'];
  // An exposed port fails the proof with or without a plan of rules (the VPN way has none, and needs nothing exposed).
  if (exposed.length || failedPlanned.length)
    verdict = {
      code: 'failed',
      title: [
        failedPlanned.length ? `${failedPlanned.length} planned port(s) not reachable` : '',
        exposed.length ? `${exposed.length} port(s) exposed that must not be` : '',
      ]
        .filter(Boolean)
        .join('; '),
      advice: 'Each port says its likely cause and what to do: fix it and prove again.',
    };
  else if (!input.targets.some((t) => t.kind === 'planned'))
    verdict = rows.some((r) => r.ok === null)
      ? {
          code: 'unknown',
          title: 'No rule to prove, and not every port could be checked',
          advice:
            'The checker did not answer for some ports: try again. To forward ports, make the plan in the Router rules step first.',
        }
      : {
          code: 'unknown',
          title: 'No rule to prove; nothing the proof tried is reachable from outside',
          advice:
            'What the VPN and vendor-cloud ways need. To forward ports instead, make the plan in the Router rules step first.',
        };
  else if (planned.some((r) => r.ok === null) || rows.some((r) => r.kind === 'forbidden' && r.ok === null))
    verdict = {
      code: 'unknown',
      title: 'Could not check every port',
      advice: 'The checker did not answer for some ports: try again, or use another checker (you can run your own).',
    };
  else
    verdict = {
      code: 'proven',
      title: 'Proven from outside: every planned port is reachable and nothing else is exposed',
      advice: rows.some((r) => r.cause === 'upnp-mapping')
        ? 'Some ports are open through UPnP mappings rather than your rules: delete the mappings so that only your rules decide.'
        : '',
    };
  return {
    measuredAt: input.measuredAt,
    checker: input.checker.slice(0, 300),
    target: input.target,
    name: input.name,
    testedAddress: tested,
    rows,
    hairpin: input.hairpin,
    verdict,
    findings,
  };
}

/** The hairpin result: does the router loop a connection from inside to its public address back to the NVR? */
export function judgeHairpin(addr: string, rows: HairpinRow[], reachableOutside: readonly number[]): Hairpin {
  const compared = rows.filter((r) => reachableOutside.includes(r.port));
  const phone =
    'On the phone: on mobile data the app reaches the NVR at the public address (or the DDNS name); on your home Wi-Fi the same address';
  if (!rows.length)
    return { address: addr, rows, loopsBack: 'unknown', text: 'No planned TCP port to try from inside.' };
  if (rows.every((r) => r.result === 'reached'))
    return {
      address: addr,
      rows,
      loopsBack: 'yes',
      text: `Your router loops back (NAT loopback, "hairpin"): from inside, ${addr} reaches the NVR too. ${phone} works as well, so one entry in the app is enough.`,
    };
  return {
    address: addr,
    rows,
    loopsBack: compared.length && compared.some((r) => r.result !== 'reached') ? 'no' : 'unknown',
    text: `From inside, ${addr} does not reach the NVR (${rows.map((r) => `${r.port} ${r.result}`).join(', ')}). Many routers do not loop a connection to their own public address back into the LAN (no NAT loopback, "hairpin"), so this can fail while outside works. ${phone} fails: add the NVR a second time in the app with its LAN address for home, or turn on NAT loopback if the router has it, or let your router’s DNS answer the DDNS name with the NVR’s LAN address.`,
  };
}
