import { english } from '../i18n/english';
import { said, type Said } from '../i18n/said';
import { STEPS } from './steps';
import { approachSchema } from './setup';
import { SECURITY_SEVERITIES } from './security-model';
import { stepFit } from './step-approach';
import { RISK_WORDS, topologyFromRecord, topologyLayout, withRisk, type TopologySource } from './topology';
import { SENTENCES } from './topology-words';
import {
  field,
  pick,
  pickDdns,
  pickDevices,
  pickInternet,
  pickNvr,
  pickPorts,
  pickRules,
  pickSecurity,
  pickStaticIp,
  pickStepState,
  pickTopologyInternet,
  pickUpnp,
  pickVpn,
  pickUpnpGateway,
  pickVpnPlan,
} from './checklist-pick';
import { CHECKLIST_FORMAT, CHECKLIST_SCHEMA_VERSION, checklistSchema, when, type Checklist } from './checklist-schema';

// The checklist the user keeps (issue 15): what was found, what was changed, what was proven, what is left — built
// from the setup record alone, at any point of the journey. It is handed to whoever maintains the system, so it
// must never carry a password, token or key: every value is copied through an allow-list (checklist-pick.ts: a zod
// object keeps only the keys it names), never by spreading a part of the record. A record half filled, or written
// by an older version, gives "not done yet" rows, never a throw. Its shape is in checklist-schema.ts. Words main
// said by key (a step's reason, a finding, a verdict) keep their key beside the English (`said`): the reader's
// language on the PDF, the page and the CLI. Main-side only (english.ts loads the whole catalogue).

export {
  CHECKLIST_FORMAT,
  CHECKLIST_SCHEMA_VERSION,
  CHECKLIST_STATUS_WORDS,
  CHECKLIST_STEP_STATUSES,
  checklistDdnsSchema,
  checklistFindingSchema,
  checklistInternetSchema,
  checklistNvrSchema,
  checklistPortSchema,
  checklistPortsSchema,
  checklistProofRowSchema,
  checklistRuleSchema,
  checklistSchema,
  checklistSecuritySchema,
  checklistStepSchema,
  checklistTodoSchema,
  checklistTopologySchema,
  checklistUpnpSchema,
  checklistVpnSchema,
  type Checklist,
} from './checklist-schema';

/** What the NVR's address kind rests on: in English and by key. */
const basisOf = (words: Said) => ({ addressBasis: english(words), said: words });

function nvrOf(record: unknown): { nvr: Checklist['nvr']; deviceId: string | null } {
  const chosen = pick(pickNvr, field(record, 'nvr'));
  if (!chosen)
    return {
      deviceId: null,
      nvr: {
        chosen: false,
        name: null,
        brand: null,
        model: null,
        firmware: null,
        mac: null,
        address: null,
        addressKind: 'unknown',
        ...basisOf(said('checklist.said.basis.noNvr')),
      },
    };
  const d = chosen.device;
  const ip = pick(pickStaticIp, field(field(record, 'staticIp'), chosen.deviceId));
  const codes = new Set(ip?.reading?.findings.map((f) => f.code) ?? []);
  let addressKind: Checklist['nvr']['addressKind'] = 'unknown';
  let basis = said('checklist.said.basis.notChecked');
  let address = d.addresses[0] ?? null;
  if (ip?.lastChange?.outcome === 'verified') {
    addressKind = 'static';
    address = ip.lastChange.address ?? address;
    basis = said('checklist.said.basis.setByApp', { time: ip.lastChange.at });
  } else if (codes.has('reservation-ok')) {
    addressKind = 'reserved';
    address = ip?.reservation?.address ?? ip?.reading?.settings.address ?? address;
    basis = said('checklist.said.basis.reserved');
  } else if (ip?.reading?.settings.dhcp === false) {
    addressKind = 'static';
    address = ip.reading.settings.address ?? address;
    basis = said('checklist.said.basis.dhcpOff');
  } else if (ip?.reading?.settings.dhcp === true || (ip?.reading == null && d.dhcp === true)) {
    addressKind = 'dhcp';
    address = ip?.reading?.settings.address ?? address;
    basis = said('checklist.said.basis.dhcp');
  }
  return {
    deviceId: chosen.deviceId,
    nvr: {
      chosen: true,
      name: d.name ?? null,
      brand: d.brand ?? null,
      model: d.model ?? null,
      firmware: d.firmware ?? null,
      mac: d.mac ?? ip?.reading?.mac ?? ip?.lastChange?.mac ?? null,
      address,
      addressKind,
      ...basisOf(basis),
    },
  };
}

/** Words said by key, where there are some: `{ said }` to spread beside their English sentence. */
const withSaid = <S>(words: S | undefined): { said?: S } => (words === undefined ? {} : { said: words });

const SEVERITY_RANK = new Map<string, number>(SECURITY_SEVERITIES.map((s, i) => [s, i]));

/**
 * The Security step's last check as it was made (its time says when: the record as it was then): the score, and
 * every finding worth points as a fix — the one worth most first, then the more severe, then by id.
 */
function securityOf(record: unknown): Checklist['security'] {
  const last = pick(pickSecurity, field(record, 'security'))?.last;
  if (!last) return null;
  const fixes = last.findings
    .filter((f) => f.worth > 0)
    .sort(
      (a, b) =>
        b.worth - a.worth ||
        SEVERITY_RANK.get(a.severity)! - SEVERITY_RANK.get(b.severity)! ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((f) => ({
      id: f.id,
      severity: f.severity,
      title: f.title,
      text: f.text,
      fix: f.fix,
      worth: f.worth,
      ...withSaid(f.said),
    }));
  return { checkedAt: last.checkedAt, score: last.score, highRisk: last.highRisk, fixes };
}

/**
 * The topology picture of the record (topology.ts), read through allow-lists: the NVR at the address the checklist
 * gives it (where the Static IP step moved it), and of the other devices found only those a forward rule or a UPnP
 * mapping leads to — the rest are counted, not named (the checklist is handed on: it names what is exposed).
 */
function topologyOf(record: unknown, nvrAddress: string | null): Checklist['topology'] {
  const chosen = pick(pickNvr, field(record, 'nvr'));
  const plan = pick(pickRules, field(record, 'rules'))?.plan ?? null;
  const audit = pick(pickUpnp, field(record, 'upnp'))?.audit ?? null;
  const internet = pick(pickTopologyInternet, field(record, 'internet'));
  const ddns = pick(pickDdns, field(record, 'ddns'));
  const targets = new Set([
    ...(plan?.rules ?? []).map((r) => r.internalAddress),
    ...(audit?.mappings ?? []).map((m) => m.internalClient),
  ]);
  const found = (pick(pickDevices, field(record, 'devices')) ?? []).filter((d) => d.id !== chosen?.deviceId);
  const shown = found.filter((d) => targets.has(d.addresses[0] ?? ''));
  const source: TopologySource = {
    nvr: chosen && {
      deviceId: chosen.deviceId,
      device: { ...chosen.device, addresses: nvrAddress ? [nvrAddress] : chosen.device.addresses },
    },
    devices: shown,
    internet: { check: internet?.check ?? null, proof: internet?.proof ?? null },
    rules: { plan },
    upnp: {
      audit: audit && {
        gateway: pick(pickUpnpGateway, field(record, 'upnp'))?.audit?.gateway ?? null,
        mappings: audit.mappings,
      },
    },
    vpn: { plan: pick(pickVpnPlan, field(record, 'vpn'))?.plan ?? null },
    ddns: { hosts: ddns?.hosts ?? [], check: ddns?.check ?? null },
  };
  const input = topologyFromRecord(source);
  const layout = topologyLayout(input);
  // Colour is never the only signal: a box at risk says so in words (the NAT in front of the router says it by colour).
  for (const b of layout.boxes)
    if (b.risk !== 'none' && !b.detail.includes(RISK_WORDS[b.risk])) {
      const detail = withRisk({ text: b.detail, ...(b.said?.detail ? { said: b.said.detail } : {}) }, b.risk);
      const { detail: _, ...rest } = b.said ?? {};
      const said = { ...rest, ...(detail.said ? { detail: detail.said } : {}) };
      b.detail = detail.text;
      if (Object.keys(said).length) b.said = said;
      else delete b.said;
    }
  const others = found.length - shown.length;
  if (others > 0) {
    const words = SENTENCES.otherDevices(others);
    layout.sentences.push(words.text);
    layout.said?.sentences.push(words.said ?? null);
  }
  return { ...layout, exposures: input.exposures, otherDevices: others };
}

/** Why a step is on the to-do list, by its status (its own reason follows), by key and in English. */
const TODO_SAID: Record<string, Said> = {
  'not-started': said('checklist.said.todo.notStarted'),
  working: said('checklist.said.todo.working'),
  attention: said('checklist.said.todo.attention'),
  skipped: said('checklist.said.todo.skipped'),
  planned: said('checklist.said.todo.planned'),
};
const REASON: Record<string, string> = Object.fromEntries(Object.entries(TODO_SAID).map(([k, v]) => [k, english(v)]));

/** A to-do's reason: its status's sentence, then the step's own reason; by key where every sentence is said so. */
function todoReason(s: Checklist['steps'][number]): Pick<Checklist['todo'][number], 'reason' | 'said'> {
  const reason = s.reason ? `${REASON[s.status] ?? ''} ${s.reason}`.trim() : (REASON[s.status] ?? 'Not done yet.');
  const lead = TODO_SAID[s.status] ?? (s.reason ? undefined : TODO_SAID['not-started']);
  if (!lead) return { reason };
  if (!s.reason) return { reason, said: [lead] };
  return s.said ? { reason, said: [lead, s.said] } : { reason };
}

/** Builds the checklist from a setup record (any shape: a missing or malformed part reads as "not done yet"). */
export function buildChecklist(record: unknown, meta: { madeAt: string; appVersion: string }): Checklist {
  const { nvr, deviceId } = nvrOf(record);
  const stepStates = field(record, 'steps');
  // The way chosen on "Your network": a step it does not need is listed as skipped with why (as the app's list of
  // steps shows it), and is not on the to-do list.
  const way = approachSchema.safeParse(field(record, 'approach'));
  const approach = way.success ? way.data : null;
  const notNeeded = new Set<string>();
  const steps: Checklist['steps'] = STEPS.map((s) => {
    const fit = stepFit(s.id, approach);
    if (s.available && !fit.applies) {
      notNeeded.add(s.id);
      return { id: s.id, title: s.title, status: 'skipped', updatedAt: null, verifiedAt: null, reason: fit.reason };
    }
    const state = s.available ? pick(pickStepState, field(stepStates, s.id)) : null;
    const status = s.available ? (state?.status ?? 'not-started') : 'planned';
    return {
      id: s.id,
      title: s.title,
      status,
      updatedAt: state?.updatedAt ?? null,
      verifiedAt: status === 'verified' ? (state?.updatedAt ?? null) : null,
      reason: state?.reason ?? null,
      ...withSaid(state?.reason ? (state.reasonSaid ?? undefined) : undefined),
    };
  });

  const portsSlice = deviceId ? pick(pickPorts, field(field(record, 'ports'), deviceId)) : null;
  const report = portsSlice?.report ?? null;
  const change = portsSlice?.lastChange ?? null;

  const plan = pick(pickRules, field(record, 'rules'))?.plan ?? null;
  const upnpSlice = pick(pickUpnp, field(record, 'upnp'));
  const audit = upnpSlice?.audit ?? null;
  const ddns = pick(pickDdns, field(record, 'ddns'));
  const internet = pick(pickInternet, field(record, 'internet'));
  const check = internet?.check ?? null;
  const proof = internet?.proof ?? null;
  const vpn = pick(pickVpn, field(record, 'vpn'))?.plan ?? null;

  const checklist: Checklist = {
    format: CHECKLIST_FORMAT,
    schemaVersion: CHECKLIST_SCHEMA_VERSION,
    madeAt: meta.madeAt,
    appVersion: meta.appVersion,
    recordUpdatedAt: pick(when, field(record, 'updatedAt')),
    nvr,
    steps,
    ports: {
      measuredAt: report?.measuredAt ?? null,
      address: report?.address ?? null,
      open: (report?.rows ?? [])
        .filter((r) => r.state === 'open')
        .map((r) => ({ port: r.port, state: r.state, service: r.service, role: r.role ?? null, risk: r.risk.level })),
      lastChange: change && {
        outcome: change.outcome,
        at: change.at,
        message: change.message,
        changes: change.changes.map((c) => ({ role: c.role, from: c.from, to: c.to, verified: c.verified })),
      },
    },
    forwardRules: plan && {
      madeAt: plan.madeAt,
      rules: plan.rules.map((r) => ({
        name: r.name,
        protocol: r.protocol,
        externalPort: r.externalPort,
        internalAddress: r.internalAddress,
        internalPort: r.internalPort,
        portCount: r.portCount ?? 1,
        sources: r.sources,
        why: r.why,
        ...withSaid(r.said),
      })),
      notes: plan.notes.map((n) => ({ severity: n.severity, text: n.text, ...withSaid(n.said) })),
    },
    upnp: audit && {
      measuredAt: audit.measuredAt,
      igd: audit.igd != null,
      natPmp: audit.natPmp?.present ?? false,
      mappings: audit.mappings.map((m) => ({
        protocol: m.protocol,
        externalPort: m.externalPort,
        internalClient: m.internalClient,
        internalPort: m.internalPort,
        device: m.device?.name ?? null,
        camera: m.camera,
      })),
      findings: audit.findings.map((f) => ({ severity: f.severity, text: f.text, ...withSaid(f.said) })),
      deleted: upnpSlice?.deleted?.length ?? 0,
      recheck: upnpSlice?.recheck ? { outcome: upnpSlice.recheck.outcome, at: upnpSlice.recheck.at } : null,
    },
    ddns: {
      names: (ddns?.hosts ?? []).map((h) => ({
        host: h.host,
        provider: h.provider,
        address: h.address ?? null,
        successAt: h.successAt ?? null,
        outcome: h.answer.outcome,
      })),
      check: ddns?.check
        ? {
            host: ddns.check.host,
            verdict: ddns.check.verdict,
            words: ddns.check.words,
            ...withSaid(ddns.check.said),
            checkedAt: ddns.check.checkedAt,
          }
        : null,
    },
    internet: {
      publicAddress: check && {
        measuredAt: check.measuredAt,
        address: check.publicAddress ?? null,
        verdict: check.verdict.code,
        title: check.verdict.title,
        advice: check.verdict.advice,
        ...withSaid(check.verdict.said),
      },
      outsideProof: proof && {
        measuredAt: proof.measuredAt,
        verdict: proof.verdict.code,
        title: proof.verdict.title,
        advice: proof.verdict.advice,
        rows: proof.rows.map((r) => ({
          kind: r.kind,
          protocol: r.protocol,
          port: r.port,
          label: r.label,
          verdict: r.verdict,
          ok: r.ok ?? null,
        })),
      },
    },
    vpn: vpn && {
      madeAt: vpn.madeAt,
      mode: vpn.mode,
      server: vpn.serverName,
      tunnel: vpn.tunnel ?? null,
      endpoint: vpn.endpoint ? `${vpn.endpoint.host}${vpn.listenPort ? `:${vpn.listenPort}` : ''}` : null,
      forward: vpn.forward ?? null,
      serverPublicKey: vpn.serverPublicKey ?? null,
      peers: vpn.peers.map((p) => ({ name: p.name, address: p.address, publicKey: p.publicKey })),
    },
    security: securityOf(record),
    topology: topologyOf(record, nvr.address),
    todo: steps
      .filter((s) => s.status !== 'verified' && !notNeeded.has(s.id))
      .map((s) => ({
        step: s.id,
        title: s.title,
        status: s.status,
        ...todoReason(s),
      })),
  };
  return checklistSchema.parse(checklist);
}
