// The Verify step (issue 13, items 6 and 7): every check that needs no password, run again against what the setup
// record saved, and what drifted since — the NVR's address, its ports, the router's UPnP mappings, the public address,
// the DDNS name, what the outside reaches. Pure: the main process measures (services/verify, through the other steps'
// services), this compares. Each check is ok, drift (what changed, from what to what, what to do) or not checked (why).
import { z } from 'zod';
import { ROLE_LABELS, type PortRole } from '../catalog/ports';
import type { DdnsCheck } from './ddns-check';
import type { OutsideProof, ProofRow } from './outside-proof';
import type { PortReport, PortRow } from './ports';
import type { PublicAddressCheck } from './public-address';
import type { SetupRecord } from './setup';
import { mappingsBack, type UpnpAudit, type UpnpMapping } from './upnp';

export const VERIFY_CHECKS = ['address', 'ports', 'upnp', 'public', 'ddns', 'outside'] as const;
export type VerifyCheckId = (typeof VERIFY_CHECKS)[number];

export const VERIFY_TITLES: Readonly<Record<VerifyCheckId, string>> = {
  address: 'The NVR’s address',
  ports: 'The NVR’s ports',
  upnp: 'UPnP mappings',
  public: 'Public address',
  ddns: 'DDNS name',
  outside: 'Reachable from outside',
};

const words = (max: number) => z.string().max(max);

export const verifyChangeSchema = z.object({ what: words(200), from: words(200), to: words(200) });
export type VerifyChange = z.infer<typeof verifyChangeSchema>;

export const verifyCheckSchema = z.object({
  check: z.enum(VERIFY_CHECKS),
  title: words(80),
  state: z.enum(['ok', 'drift', 'not-checked']),
  /** What was found, in plain words. */
  text: words(600),
  /** Drift: what changed, from what to what. */
  changes: z.array(verifyChangeSchema).max(16),
  /** Drift: what to do. */
  todo: words(600).nullable(),
  /** Not checked: nothing saved to compare with (nothing is wrong), or the measurement failed (nothing proven). */
  why: z.enum(['nothing-saved', 'unmeasured']).nullable(),
  /** No drift, but this many things are still not as they should be (ports from outside, as when proven). */
  standing: z.number().int().min(0).max(64).optional(),
});
export type VerifyCheck = z.infer<typeof verifyCheckSchema>;

/** no-drift: every check that could run found what was saved; drift: one changed; unproven: one could not measure. */
export const VERIFY_OUTCOMES = ['no-drift', 'drift', 'unproven'] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];

export const verifyResultSchema = z.object({
  at: z.string().max(40),
  outcome: z.enum(VERIFY_OUTCOMES),
  checks: z.array(verifyCheckSchema).max(VERIFY_CHECKS.length),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** One TCP connect to a port: it answered, refused, or said nothing in time. */
export type KnockState = 'open' | 'closed' | 'filtered';

/** A fresh measurement: its value, why it failed, or null when it was not made (nothing saved, or cancelled). */
export type Fresh<T> = { ok: true; value: T } | { ok: false; error: string } | null;

export interface VerifyMeasurements {
  at: string;
  /**
   * The NVR at its saved address: did it answer, the MAC the neighbour table names, its ports (catalogue audit), and
   * each port open when saved that this audit does not list open, knocked on by itself (a full scan's port, or one
   * the catalogue audit lists only while it answers).
   */
  nvr: Fresh<{ reached: boolean; mac: string | null; report: PortReport | null; knocked?: Record<number, KnockState> }>;
  upnp: Fresh<UpnpAudit>;
  public: Fresh<PublicAddressCheck>;
  ddns: Fresh<DdnsCheck>;
  proof: Fresh<OutsideProof>;
}

/** The exit code of `nvr-assist verify`: 0 no drift, 3 drift, 1 could not check. */
export const VERIFY_EXIT: Readonly<Record<VerifyOutcome, number>> = { 'no-drift': 0, drift: 3, unproven: 1 };

type Judged = Omit<VerifyCheck, 'check' | 'title'>;
const ok = (text: string): Judged => ({ state: 'ok', text, changes: [], todo: null, why: null });
const notSaved = (text: string): Judged => ({
  state: 'not-checked',
  text,
  changes: [],
  todo: null,
  why: 'nothing-saved',
});
const unmeasured = (text: string): Judged => ({
  state: 'not-checked',
  text: text.slice(0, 600),
  changes: [],
  todo: null,
  why: 'unmeasured',
});
const drift = (text: string, changes: VerifyChange[], todo: string): Judged => ({
  state: 'drift',
  text: text.slice(0, 600),
  changes: changes
    .slice(0, 16)
    .map((c) => ({ what: c.what.slice(0, 200), from: c.from.slice(0, 200), to: c.to.slice(0, 200) })),
  todo: todo.slice(0, 600),
  why: null,
});
const failed = (f: Fresh<unknown>, what: string): Judged =>
  unmeasured(
    f === null
      ? `Not measured (${what} was not asked: cancelled).`
      : `${what} could not be measured: ${f.ok ? '' : f.error}`,
  );
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The chosen NVR's saved address and MAC (its Static IP reading's MAC first: it was read from the device). */
function savedNvr(record: SetupRecord): { id: string; address: string; mac: string | null } | null {
  const nvr = record.nvr;
  const address = nvr?.device.addresses[0];
  if (!nvr || !address) return null;
  return { id: nvr.deviceId, address, mac: record.staticIp[nvr.deviceId]?.reading?.mac ?? nvr.device.mac };
}

export function judgeAddress(record: SetupRecord, fresh: VerifyMeasurements['nvr']): Judged {
  const saved = savedNvr(record);
  if (!saved) return notSaved('No NVR chosen yet: choose it in “Find your NVR”, then verify.');
  if (!fresh?.ok) return failed(fresh, `Whether the NVR answers at ${saved.address}`);
  if (!fresh.value.reached)
    return drift(
      `The NVR no longer answers at ${saved.address}.`,
      [{ what: 'The NVR answers at', from: saved.address, to: 'no answer' }],
      'Find it again (“Find your NVR”): it may have taken another address from DHCP, or be off. Then give it an address it keeps (“Static IP”), and run the steps that point at it again.',
    );
  const mac = fresh.value.mac;
  if (saved.mac && mac && saved.mac.toLowerCase() !== mac.toLowerCase())
    return drift(
      `Another device answers at ${saved.address}: its MAC is ${mac}, the NVR’s is ${saved.mac}.`,
      [{ what: `MAC at ${saved.address}`, from: saved.mac, to: mac }],
      'Two devices share the address, or the NVR moved and another took its place: find the NVR again (“Find your NVR”) and give it an address outside the router’s DHCP range (“Static IP”).',
    );
  return ok(`The NVR answers at ${saved.address}${mac ? ` (MAC ${mac})` : ''}, as saved.`);
}

function portLabel(row: Pick<PortRow, 'port' | 'role' | 'service'>): string {
  const name = row.role
    ? ROLE_LABELS[row.role as PortRole]
    : row.service === 'unknown'
      ? 'port'
      : row.service.toUpperCase();
  return `${name} ${row.port}`;
}

export function judgePorts(record: SetupRecord, fresh: VerifyMeasurements['nvr']): Judged {
  const saved = savedNvr(record);
  const report = saved ? record.ports[saved.id]?.report : null;
  if (!saved || !report) return notSaved('No measurement of the NVR’s ports saved: run “Ports”, then verify.');
  if (!fresh?.ok) return failed(fresh, 'The NVR’s ports');
  if (!fresh.value.reached || !fresh.value.report)
    return unmeasured(`The NVR did not answer at ${saved.address}, so its ports were not measured.`);
  const now = new Map(fresh.value.report.rows.map((r) => [r.port, r]));
  const before = new Map(report.rows.map((r) => [r.port, r]));
  const changes: VerifyChange[] = [];
  const unscanned: number[] = [];
  const knocked = fresh.value.knocked ?? {};
  for (const r of report.rows.filter((x) => x.state === 'open')) {
    const state = now.get(r.port)?.state ?? knocked[r.port];
    if (!state) unscanned.push(r.port);
    else if (state !== 'open') changes.push({ what: portLabel(r), from: 'open', to: state });
  }
  // A port open now that the saved measurement did not list open: closed or not listed then (a catalogue audit lists
  // the ports that answered and those the device declared).
  for (const n of fresh.value.report.rows.filter((x) => x.state === 'open')) {
    const b = before.get(n.port);
    if (b?.state !== 'open') changes.push({ what: portLabel(n), from: b?.state ?? 'not open', to: 'open' });
  }
  const plan = record.rules.plan;
  if (plan && plan.deviceId === saved.id)
    for (const rule of plan.rules.filter((x) => x.protocol === 'tcp')) {
      const state = now.get(rule.internalPort)?.state ?? knocked[rule.internalPort];
      if (state && state !== 'open' && !changes.some((c) => c.what.endsWith(` ${rule.internalPort}`)))
        changes.push({ what: `Router rule “${rule.name}” → port ${rule.internalPort}`, from: 'open', to: state });
    }
  const open = fresh.value.report.rows.filter((r) => r.state === 'open').length;
  const notAgain = unscanned.length
    ? ` Not measured again: ${unscanned.join(', ')} (only a full scan reaches them).`
    : '';
  if (!changes.length)
    return ok(`The NVR’s ${plural(open, 'open port')} ${open === 1 ? 'is' : 'are'} as saved.${notAgain}`);
  return drift(
    `${plural(changes.length, 'port')} of the NVR changed since it was measured.${notAgain}`,
    changes,
    'If you moved them, measure again (“Ports”) and let the router rules follow (“Router rules”). If you did not, the NVR did: a reset or a firmware update puts factory ports back — check its settings, then run “Ports”.',
  );
}

const mappingText = (m: Pick<UpnpMapping, 'protocol' | 'externalPort' | 'internalClient' | 'internalPort'>) =>
  `${m.protocol} ${m.externalPort} → ${m.internalClient}:${m.internalPort}`;
const sameMapping = (a: UpnpMapping, b: UpnpMapping) =>
  a.protocol === b.protocol && a.externalPort === b.externalPort && a.internalClient === b.internalClient;

export function judgeUpnpDrift(record: SetupRecord, fresh: VerifyMeasurements['upnp']): Judged {
  const saved = record.upnp.audit;
  if (!saved?.gateway) return notSaved('No check of the router’s UPnP saved: run “UPnP”, then verify.');
  if (!fresh?.ok) return failed(fresh, 'The router’s UPnP mappings');
  const audit = fresh.value;
  if (!audit.gateway) return unmeasured('This computer has no default gateway now: the router could not be asked.');
  if (audit.findings.some((f) => f.code === 'igd-unreadable') || (audit.igd && audit.listEnd !== 'complete'))
    return unmeasured(
      `The router’s mapping list could not be read to its end${audit.listNote ? `: ${audit.listNote}` : '.'}`,
    );
  const deleted = (record.upnp.deleted ?? []).filter((d) => d.gone);
  const back = mappingsBack(audit.mappings, deleted);
  const changes: VerifyChange[] = back.map((m) => ({
    what: mappingText(m),
    from: 'deleted',
    to: `listed again, opened by ${m.device?.name ?? m.internalClient}`,
  }));
  const added = audit.mappings.filter((m) => !back.includes(m) && !saved.mappings.some((s) => sameMapping(s, m)));
  for (const m of added)
    changes.push({
      what: mappingText(m),
      from: 'not listed',
      to: `listed${m.camera ? `, opens ${m.device?.name ?? 'a camera'}` : ''}`,
    });
  const wasOn = !!saved.igd || saved.natPmp.present;
  const isOn = !!audit.igd || audit.natPmp.present;
  if (!wasOn && isOn) changes.unshift({ what: 'UPnP / NAT-PMP at the router', from: 'off', to: 'on' });
  if (!changes.length)
    return ok(
      isOn
        ? `The router lists ${plural(audit.mappings.length, 'mapping')}, none that was not there when saved.`
        : 'UPnP and NAT-PMP are still off at the router.',
    );
  return drift(
    back.length
      ? `${plural(back.length, 'mapping')} you deleted came back: a device opens ${back.length === 1 ? 'it' : 'them'} again through UPnP.`
      : `The router lists ${plural(changes.length, 'change')} since the UPnP check.`,
    changes,
    back.length || added.some((m) => m.camera)
      ? 'Deleting is not enough while UPnP is on: turn UPnP off on the NVR (and on the router), then delete the mapping again (“UPnP”).'
      : 'Check each in “UPnP”: delete a mapping you do not know, and turn UPnP off at the router once your own rules are in place.',
  );
}

export function judgePublic(record: SetupRecord, fresh: VerifyMeasurements['public']): Judged {
  const saved = record.internet.check;
  if (!saved?.publicAddress) return notSaved('No public address saved: run “Internet side”, then verify.');
  if (!fresh?.ok) return failed(fresh, 'The public address');
  const check = fresh.value;
  if (!check.publicAddress)
    return unmeasured(
      `The public address could not be read now: ${check.stun.error ?? check.checker.error ?? 'no answer'}.`,
    );
  const changes: VerifyChange[] = [];
  if (check.publicAddress !== saved.publicAddress)
    changes.push({ what: 'Public address', from: saved.publicAddress, to: check.publicAddress });
  if (check.verdict.code !== saved.verdict.code)
    changes.push({ what: 'Internet connection', from: saved.verdict.title, to: check.verdict.title });
  if (!changes.length)
    return ok(`The public address is ${check.publicAddress}, as saved (${check.verdict.title.toLowerCase()}).`);
  const moved = check.publicAddress !== saved.publicAddress;
  return drift(
    moved ? `Your internet provider gave a new public address: ${check.publicAddress}.` : `${check.verdict.title}.`,
    changes,
    check.verdict.code === 'cgnat' || check.verdict.code === 'double-nat'
      ? `${check.verdict.title}: port forwarding on your router alone cannot reach the NVR now. See “Internet side” (a VPN overlay works).`
      : record.ddns.hosts.length
        ? 'Your DDNS name must follow it: update it (“DDNS”), or let the router update it. Anything that uses the old address must use the name.'
        : 'Anything that uses the old address (a bookmark, the phone app) no longer reaches the NVR: use a DDNS name (“DDNS”).',
  );
}

export function judgeDdnsDrift(record: SetupRecord, fresh: VerifyMeasurements['ddns']): Judged {
  const host = record.ddns.hosts[0]?.host;
  if (!host) return notSaved('No DDNS name saved: nothing to check.');
  if (!fresh?.ok) return failed(fresh, `Where ${host} points`);
  const c = fresh.value;
  if (c.verdict === 'ok' || c.verdict === 'propagating') return ok(c.words);
  if (c.verdict === 'stale' || c.verdict === 'nxdomain' || c.verdict === 'no-record') {
    const found = (c.authoritative.addresses.length ? c.authoritative : c.system).addresses.map((a) => a.address);
    return drift(
      c.words,
      [
        {
          what: host,
          from: c.expected ?? record.ddns.hosts[0]?.address ?? 'the public address',
          to: found.join(', ') || c.verdict,
        },
      ],
      'Update the name (“DDNS”), and check that only one client updates it (the router, the NVR or this app).',
    );
  }
  return unmeasured(c.words);
}

const rowKey = (r: Pick<ProofRow, 'kind' | 'protocol' | 'port'>) => `${r.kind} ${r.protocol} ${r.port}`;
const rowWhat = (r: ProofRow) =>
  `${r.kind === 'planned' ? 'Rule' : 'Must stay shut'}: ${r.protocol.toUpperCase()} ${r.port} ${r.label}`;

export function judgeOutside(record: SetupRecord, fresh: VerifyMeasurements['proof']): Judged {
  const saved = record.internet.proof;
  if (!saved) return notSaved('No proof from outside saved: prove it in “Internet side”, then verify.');
  if (!fresh?.ok) return failed(fresh, 'What the outside reaches');
  const proof = fresh.value;
  const before = new Map(saved.rows.map((r) => [rowKey(r), r]));
  const worse = proof.rows.filter((r) => r.ok === false && before.get(rowKey(r))?.ok !== false);
  const known = proof.rows.filter((r) => r.ok !== null);
  if (!known.length) return unmeasured(`The checker ${proof.checker} gave no answer: ${proof.verdict.title}.`);
  const still = proof.rows.filter((r) => r.ok === false && before.get(rowKey(r))?.ok === false).length;
  const stillText = still
    ? ` Still as before: ${plural(still, 'port')} not as it should be (see “Internet side”).`
    : '';
  if (!worse.length)
    return {
      ...ok(`${plural(known.length, 'port')} answered from outside as when proven.${stillText}`),
      ...(still ? { standing: still } : {}),
    };
  return drift(
    `${plural(worse.length, 'port')} no longer as proven from outside.${stillText}`,
    worse.map((r) => ({ what: rowWhat(r), from: before.get(rowKey(r))?.verdict ?? 'not tested', to: r.verdict })),
    worse[0]!.text,
  );
}

/** Every check's finding, and the outcome: drift if any drifted, else unproven if one could not measure. */
export function judgeVerify(record: SetupRecord, m: VerifyMeasurements): VerifyResult {
  const judged: Record<VerifyCheckId, Judged> = {
    address: judgeAddress(record, m.nvr),
    ports: judgePorts(record, m.nvr),
    upnp: judgeUpnpDrift(record, m.upnp),
    public: judgePublic(record, m.public),
    ddns: judgeDdnsDrift(record, m.ddns),
    outside: judgeOutside(record, m.proof),
  };
  const checks = VERIFY_CHECKS.map((check) => ({ check, title: VERIFY_TITLES[check], ...judged[check] }));
  const outcome: VerifyOutcome = checks.some((c) => c.state === 'drift')
    ? 'drift'
    : checks.some((c) => c.why === 'unmeasured') || !checks.some((c) => c.state === 'ok')
      ? 'unproven'
      : 'no-drift';
  return { at: m.at, outcome, checks };
}
