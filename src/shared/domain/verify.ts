// The Verify step (issue 13, items 6 and 7): every check that needs no password, run again against what the setup
// record saved, and what drifted since — the NVR's address, its ports, the router's UPnP mappings, the public address,
// the DDNS name, what the outside reaches. Pure: the main process measures (services/verify, through the other steps'
// services), this compares. Each check is ok, drift (what changed, from what to what, what to do) or not checked (why).
import { ROLE_LABELS, type PortRole } from '../catalog/ports';
import { english } from '../i18n/english';
import { said, saidWords } from '../i18n/said';
import type { ProofRow } from './outside-proof';
import type { PortRow } from './ports';
import type { SetupRecord } from './setup';
import { mappingsBack, type UpnpMapping } from './upnp';
import {
  data,
  drift,
  failed,
  notSaved,
  ok,
  sameAs,
  stateWords,
  unmeasured,
  words,
  type Change,
  type Judged,
  type VerifyMeasurements,
  type Words,
} from './verify-judged';
import { VERIFY_CHECKS, type VerifyCheckId, type VerifyOutcome, type VerifyResult } from './verify-shapes';

// The shapes are in verify-shapes.ts (what the contract and the page load, without the catalogue); every name is
// exported from here too. The words are said by key (the catalogue's verify.said), main's English sentence beside.
export * from './verify-shapes';
export type { VerifyMeasurements } from './verify-judged';

export const VERIFY_TITLES: Readonly<Record<VerifyCheckId, string>> = Object.fromEntries(
  VERIFY_CHECKS.map((c) => [c, english(said(`verify.said.title.${c}`))]),
) as Record<VerifyCheckId, string>;

/** The chosen NVR's saved address and MAC (its Static IP reading's MAC first: it was read from the device). */
function savedNvr(record: SetupRecord): { id: string; address: string; mac: string | null } | null {
  const nvr = record.nvr;
  const address = nvr?.device.addresses[0];
  if (!nvr || !address) return null;
  return { id: nvr.deviceId, address, mac: record.staticIp[nvr.deviceId]?.reading?.mac ?? nvr.device.mac };
}

export function judgeAddress(record: SetupRecord, fresh: VerifyMeasurements['nvr']): Judged {
  const saved = savedNvr(record);
  if (!saved) return notSaved(said('verify.said.address.notSaved'));
  const address = saved.address;
  if (!fresh?.ok)
    return failed(fresh, (error) =>
      error === null
        ? said('verify.said.address.notAsked', { address })
        : said('verify.said.address.failed', { address, error }),
    );
  if (!fresh.value.reached)
    return drift(
      words(said('verify.said.address.gone', { address })),
      [
        {
          what: words(said('verify.said.change.answersAt')),
          from: data(address),
          to: words(said('verify.said.change.noAnswer')),
        },
      ],
      words(said('verify.said.address.goneTodo')),
    );
  const mac = fresh.value.mac;
  if (saved.mac && mac && saved.mac.toLowerCase() !== mac.toLowerCase())
    return drift(
      words(said('verify.said.address.otherDevice', { address, mac, saved: saved.mac })),
      [{ what: words(said('verify.said.change.macAt', { address })), from: data(saved.mac), to: data(mac) }],
      words(said('verify.said.address.otherDeviceTodo')),
    );
  return ok(
    words(mac ? said('verify.said.address.sameMac', { address, mac }) : said('verify.said.address.same', { address })),
  );
}

/** A port by its role's name (the ports catalogue's, as it is), its service, or "port", and its number. */
function portLabel(row: Pick<PortRow, 'port' | 'role' | 'service'>): Words {
  if (row.role) return data(`${ROLE_LABELS[row.role as PortRole]} ${row.port}`);
  if (row.service === 'unknown') return words(said('verify.said.change.port', { port: String(row.port) }));
  return data(`${row.service.toUpperCase()} ${row.port}`);
}

export function judgePorts(record: SetupRecord, fresh: VerifyMeasurements['nvr']): Judged {
  const saved = savedNvr(record);
  const report = saved ? record.ports[saved.id]?.report : null;
  if (!saved || !report) return notSaved(said('verify.said.ports.notSaved'));
  if (!fresh?.ok)
    return failed(fresh, (error) =>
      error === null ? said('verify.said.ports.notAsked') : said('verify.said.ports.failed', { error }),
    );
  if (!fresh.value.reached || !fresh.value.report)
    return unmeasured(words(said('verify.said.ports.unreached', { address: saved.address })));
  const now = new Map(fresh.value.report.rows.map((r) => [r.port, r]));
  const before = new Map(report.rows.map((r) => [r.port, r]));
  const changes: Change[] = [];
  const unscanned: number[] = [];
  const knocked = fresh.value.knocked ?? {};
  const open = stateWords('open');
  for (const r of report.rows.filter((x) => x.state === 'open')) {
    const state = now.get(r.port)?.state ?? knocked[r.port];
    if (!state) unscanned.push(r.port);
    else if (state !== 'open') changes.push({ what: portLabel(r), from: open, to: stateWords(state) });
  }
  // A port open now that the saved measurement did not list open: closed or not listed then (a catalogue audit lists
  // the ports that answered and those the device declared).
  for (const n of fresh.value.report.rows.filter((x) => x.state === 'open')) {
    const b = before.get(n.port);
    if (b?.state !== 'open')
      changes.push({
        what: portLabel(n),
        from: b ? stateWords(b.state) : words(said('verify.said.change.notOpen')),
        to: open,
      });
  }
  const plan = record.rules.plan;
  if (plan && plan.deviceId === saved.id)
    for (const rule of plan.rules.filter((x) => x.protocol === 'tcp')) {
      const state = now.get(rule.internalPort)?.state ?? knocked[rule.internalPort];
      if (state && state !== 'open' && !changes.some((c) => c.what.text.endsWith(` ${rule.internalPort}`)))
        changes.push({
          what: words(said('verify.said.change.routerRule', { name: rule.name, port: String(rule.internalPort) })),
          from: open,
          to: stateWords(state),
        });
    }
  const count = fresh.value.report.rows.filter((r) => r.state === 'open').length;
  const ports = unscanned.join(', ');
  if (!changes.length)
    return ok(
      words(
        unscanned.length
          ? said('verify.said.ports.sameNotAgain', { count, ports })
          : said('verify.said.ports.same', { count }),
      ),
    );
  return drift(
    words(
      unscanned.length
        ? said('verify.said.ports.changedNotAgain', { count: changes.length, ports })
        : said('verify.said.ports.changed', { count: changes.length }),
    ),
    changes,
    words(said('verify.said.ports.todo')),
  );
}

const mappingText = (m: Pick<UpnpMapping, 'protocol' | 'externalPort' | 'internalClient' | 'internalPort'>) =>
  `${m.protocol} ${m.externalPort} → ${m.internalClient}:${m.internalPort}`;
const sameMapping = (a: UpnpMapping, b: UpnpMapping) =>
  a.protocol === b.protocol && a.externalPort === b.externalPort && a.internalClient === b.internalClient;

export function judgeUpnpDrift(record: SetupRecord, fresh: VerifyMeasurements['upnp']): Judged {
  const saved = record.upnp.audit;
  if (!saved?.gateway) return notSaved(said('verify.said.upnp.notSaved'));
  if (!fresh?.ok)
    return failed(fresh, (error) =>
      error === null ? said('verify.said.upnp.notAsked') : said('verify.said.upnp.failed', { error }),
    );
  const audit = fresh.value;
  if (!audit.gateway) return unmeasured(words(said('verify.said.upnp.noGateway')));
  if (audit.findings.some((f) => f.code === 'igd-unreadable') || (audit.igd && audit.listEnd !== 'complete'))
    // The note is the UPnP step's words (said by key in its own group, which this page may not have loaded): as it is.
    return unmeasured(
      words(
        audit.listNote
          ? said('verify.said.upnp.listUnreadNote', { note: audit.listNote })
          : said('verify.said.upnp.listUnread'),
      ),
    );
  const deleted = (record.upnp.deleted ?? []).filter((d) => d.gone);
  const back = mappingsBack(audit.mappings, deleted);
  const changes: Change[] = back.map((m) => ({
    what: data(mappingText(m)),
    from: words(said('verify.said.change.deleted')),
    to: words(said('verify.said.change.listedAgain', { who: m.device?.name ?? m.internalClient })),
  }));
  const added = audit.mappings.filter((m) => !back.includes(m) && !saved.mappings.some((s) => sameMapping(s, m)));
  for (const m of added)
    changes.push({
      what: data(mappingText(m)),
      from: words(said('verify.said.change.notListed')),
      to: words(
        !m.camera
          ? said('verify.said.change.listed')
          : m.device
            ? said('verify.said.change.listedOpens', { name: m.device.name })
            : said('verify.said.change.listedOpensCamera'),
      ),
    });
  const wasOn = !!saved.igd || saved.natPmp.present;
  const isOn = !!audit.igd || audit.natPmp.present;
  if (!wasOn && isOn)
    changes.unshift({
      what: words(said('verify.said.change.upnp')),
      from: words(said('verify.said.change.off')),
      to: words(said('verify.said.change.on')),
    });
  if (!changes.length)
    return ok(
      words(isOn ? said('verify.said.upnp.same', { count: audit.mappings.length }) : said('verify.said.upnp.stillOff')),
    );
  return drift(
    words(
      back.length
        ? said('verify.said.upnp.cameBack', { count: back.length })
        : said('verify.said.upnp.changed', { count: changes.length }),
    ),
    changes,
    words(
      back.length || added.some((m) => m.camera)
        ? said('verify.said.upnp.todoTurnOff')
        : said('verify.said.upnp.todoCheckEach'),
    ),
  );
}

export function judgePublic(record: SetupRecord, fresh: VerifyMeasurements['public']): Judged {
  const saved = record.internet.check;
  if (!saved?.publicAddress) return notSaved(said('verify.said.public.notSaved'));
  if (!fresh?.ok)
    return failed(fresh, (error) =>
      error === null ? said('verify.said.public.notAsked') : said('verify.said.public.failed', { error }),
    );
  const check = fresh.value;
  if (!check.publicAddress)
    return unmeasured(
      words(
        said('verify.said.public.unread', {
          error: check.stun.error ?? check.checker.error ?? saidWords('verify.said.change.noAnswer'),
        }),
      ),
    );
  const { title, code } = check.verdict;
  // The Internet step's verdict titles, by the Verify group's own keys (the page loads its own group only).
  const titleOf = (v: typeof check.verdict): Words => sameAs(said(`verify.said.public.title.${v.code}`), v.title);
  const changes: Change[] = [];
  if (check.publicAddress !== saved.publicAddress)
    changes.push({
      what: words(said('verify.said.change.publicAddress')),
      from: data(saved.publicAddress),
      to: data(check.publicAddress),
    });
  if (code !== saved.verdict.code)
    changes.push({
      what: words(said('verify.said.change.connection')),
      from: titleOf(saved.verdict),
      to: titleOf(check.verdict),
    });
  if (!changes.length) {
    const lower = title.toLowerCase();
    const connection = saidWords(`verify.said.public.connection.${code}`);
    return ok(
      words(
        said('verify.said.public.same', {
          address: check.publicAddress,
          connection: english(connection) === lower ? connection : lower,
        }),
      ),
    );
  }
  const moved = check.publicAddress !== saved.publicAddress;
  return drift(
    moved
      ? words(said('verify.said.public.moved', { address: check.publicAddress }))
      : sameAs(said(`verify.said.public.now.${code}`), `${title}.`),
    changes,
    code === 'cgnat' || code === 'double-nat'
      ? sameAs(
          said(`verify.said.public.todoNat.${code}`),
          `${title}: port forwarding on your router alone cannot reach the NVR now. See “Internet side” (a VPN overlay works).`,
        )
      : words(record.ddns.hosts.length ? said('verify.said.public.todoDdns') : said('verify.said.public.todoNoDdns')),
  );
}

export function judgeDdnsDrift(record: SetupRecord, fresh: VerifyMeasurements['ddns']): Judged {
  const host = record.ddns.hosts[0]?.host;
  if (!host) return notSaved(said('verify.said.ddns.notSaved'));
  if (!fresh?.ok)
    return failed(fresh, (error) =>
      error === null ? said('verify.said.ddns.notAsked', { host }) : said('verify.said.ddns.failed', { host, error }),
    );
  // The DDNS check's own words (the DDNS step's, not said by key yet): as they came.
  const c = fresh.value;
  if (c.verdict === 'ok' || c.verdict === 'propagating') return ok(data(c.words));
  if (c.verdict === 'stale' || c.verdict === 'nxdomain' || c.verdict === 'no-record') {
    const found = (c.authoritative.addresses.length ? c.authoritative : c.system).addresses.map((a) => a.address);
    const expected = c.expected ?? record.ddns.hosts[0]?.address ?? null;
    return drift(
      data(c.words),
      [
        {
          what: data(host),
          from: expected === null ? words(said('verify.said.change.thePublicAddress')) : data(expected),
          to: data(found.join(', ') || c.verdict),
        },
      ],
      words(said('verify.said.ddns.todo')),
    );
  }
  return unmeasured(data(c.words));
}

const rowKey = (r: Pick<ProofRow, 'kind' | 'protocol' | 'port'>) => `${r.kind} ${r.protocol} ${r.port}`;
const rowWhat = (r: ProofRow): Words =>
  words(
    said(r.kind === 'planned' ? 'verify.said.change.rule' : 'verify.said.change.mustStayShut', {
      protocol: r.protocol.toUpperCase(),
      port: String(r.port),
      label: r.label,
    }),
  );

export function judgeOutside(record: SetupRecord, fresh: VerifyMeasurements['proof']): Judged {
  const saved = record.internet.proof;
  if (!saved) return notSaved(said('verify.said.outside.notSaved'));
  if (!fresh?.ok)
    return failed(fresh, (error) =>
      error === null ? said('verify.said.outside.notAsked') : said('verify.said.outside.failed', { error }),
    );
  // The proof's own words (its verdicts, what to do: the Internet step's, not said by key yet) are values, as they came.
  const proof = fresh.value;
  const before = new Map(saved.rows.map((r) => [rowKey(r), r]));
  const worse = proof.rows.filter((r) => r.ok === false && before.get(rowKey(r))?.ok !== false);
  const known = proof.rows.filter((r) => r.ok !== null);
  if (!known.length)
    return unmeasured(
      words(said('verify.said.outside.noAnswer', { checker: proof.checker, verdict: proof.verdict.title })),
    );
  const still = proof.rows.filter((r) => r.ok === false && before.get(rowKey(r))?.ok === false).length;
  if (!worse.length) {
    const count = known.length;
    return {
      ...ok(
        words(
          still === 0
            ? said('verify.said.outside.same', { count })
            : said(still === 1 ? 'verify.said.outside.sameStillOne' : 'verify.said.outside.sameStill', {
                count,
                still,
              }),
        ),
      ),
      ...(still ? { standing: still } : {}),
    };
  }
  const count = worse.length;
  return drift(
    words(
      still === 0
        ? said('verify.said.outside.changed', { count })
        : said(still === 1 ? 'verify.said.outside.changedStillOne' : 'verify.said.outside.changedStill', {
            count,
            still,
          }),
    ),
    worse.map((r) => {
      const was = before.get(rowKey(r))?.verdict;
      return {
        what: rowWhat(r),
        from: was !== undefined ? data(was) : words(said('verify.said.change.notTested')),
        to: data(r.verdict),
      };
    }),
    data(worse[0]!.text),
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
  const checks = VERIFY_CHECKS.map((check) => ({
    check,
    title: VERIFY_TITLES[check],
    titleSaid: said(`verify.said.title.${check}`),
    ...judged[check],
  }));
  const outcome: VerifyOutcome = checks.some((c) => c.state === 'drift')
    ? 'drift'
    : checks.some((c) => c.why === 'unmeasured') || !checks.some((c) => c.state === 'ok')
      ? 'unproven'
      : 'no-drift';
  return { at: m.at, outcome, checks };
}
