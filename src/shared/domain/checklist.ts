import { z } from 'zod';
import { STEPS } from './steps';
import { stepStatusSchema } from './step-state';

// The checklist the user keeps (issue 15): what was found, what was changed, what was proven, what is left — built
// from the setup record alone, at any point of the journey. It is handed to whoever maintains the system, so it
// must never carry a password, token or key: every value below is copied through an allow-list (the `pick…`
// schemas: a zod object keeps only the keys it names), never by spreading a part of the record. A record half
// filled, or written by an older version, gives "not done yet" rows, never a throw.

/** The checklist's format: bump CHECKLIST_SCHEMA_VERSION when a key changes meaning or goes away. */
export const CHECKLIST_FORMAT = 'nvr-assist.checklist';
export const CHECKLIST_SCHEMA_VERSION = 1;

const text = (max: number) => z.string().max(max);
const when = text(40);
const port = z.number().int().min(1).max(65535);

/** The NVR the steps worked on, and how its address is kept. */
export const checklistNvrSchema = z.object({
  /** False: no NVR chosen yet (every other field is then null). */
  chosen: z.boolean(),
  name: text(200).nullable(),
  brand: text(100).nullable(),
  model: text(200).nullable(),
  firmware: text(200).nullable(),
  mac: text(17).nullable(),
  address: text(45).nullable(),
  /**
   * static: set on the device and verified (or read back as DHCP off); reserved: the router keeps it for the MAC
   * (proven by a check); dhcp: it may change; unknown: not checked yet.
   */
  addressKind: z.enum(['static', 'reserved', 'dhcp', 'unknown']),
  /** What the address kind rests on, in plain words. */
  addressBasis: text(300),
});

export const CHECKLIST_STEP_STATUSES = [...stepStatusSchema.options, 'planned'] as const;

/** One wizard step: its status, when that was last set, when it was verified, and why (attention, skipped). */
export const checklistStepSchema = z.object({
  id: text(40),
  title: text(80),
  /** A step's status; `planned`: this version of the app does not have the step yet. */
  status: z.enum(CHECKLIST_STEP_STATUSES),
  updatedAt: when.nullable(),
  /** When it was verified (null: it is not). */
  verifiedAt: when.nullable(),
  reason: text(500).nullable(),
});

export const checklistPortSchema = z.object({
  port,
  state: z.enum(['open', 'closed', 'filtered']),
  service: text(20),
  role: text(20).nullable(),
  risk: text(20),
});

/** The NVR's ports: the last measurement (after any change) and the last change (before → after). */
export const checklistPortsSchema = z.object({
  measuredAt: when.nullable(),
  address: text(45).nullable(),
  /** The ports that answered at the last measurement. */
  open: z.array(checklistPortSchema).max(1024),
  lastChange: z
    .object({
      outcome: z.enum(['verified', 'partial', 'restored', 'failed']),
      at: when,
      message: text(1000),
      changes: z.array(z.object({ role: text(20), from: port, to: port, verified: z.boolean() })).max(8),
    })
    .nullable(),
});

export const checklistRuleSchema = z.object({
  name: text(40),
  protocol: z.enum(['tcp', 'udp']),
  externalPort: port,
  internalAddress: text(45),
  internalPort: port,
  /** A range: this many consecutive ports (1: one port). */
  portCount: z.number().int().min(1).max(1000),
  /** Allowed sources (empty: from anywhere). */
  sources: z.array(text(18)).max(16),
  why: text(300),
});

export const checklistFindingSchema = z.object({ severity: text(20), text: text(600) });

export const checklistUpnpSchema = z.object({
  measuredAt: when,
  /** The router answered as a UPnP IGD. */
  igd: z.boolean(),
  natPmp: z.boolean(),
  mappings: z
    .array(
      z.object({
        protocol: text(8),
        externalPort: port,
        internalClient: text(64),
        internalPort: port,
        /** The known device at the internal address (its name). */
        device: text(200).nullable(),
        camera: z.boolean(),
      }),
    )
    .max(256),
  findings: z.array(checklistFindingSchema).max(16),
  /** Mappings the app deleted (the last time). */
  deleted: z.number().int().min(0),
  /** The timed re-check after the deletion: its outcome, when. */
  recheck: z.object({ outcome: text(40), at: when }).nullable(),
});

export const checklistDdnsSchema = z.object({
  names: z
    .array(
      z.object({
        host: text(253),
        provider: text(40),
        /** The address the provider took at the last good update (null: never). */
        address: text(64).nullable(),
        successAt: when.nullable(),
        /** The provider's last answer, as the app classed it (updated, unchanged, auth …). */
        outcome: text(40),
      }),
    )
    .max(8),
  check: z.object({ host: text(253), verdict: text(20), words: text(1000), checkedAt: when }).nullable(),
});

export const checklistInternetSchema = z.object({
  publicAddress: z
    .object({
      measuredAt: when,
      address: text(64).nullable(),
      verdict: text(40),
      title: text(160),
      advice: text(800),
    })
    .nullable(),
  /** The last test from outside: each port asked about and what the checker saw. */
  outsideProof: z
    .object({
      measuredAt: when,
      verdict: text(20),
      title: text(160),
      advice: text(800),
      rows: z
        .array(
          z.object({
            kind: z.enum(['planned', 'forbidden']),
            protocol: z.enum(['tcp', 'udp']),
            port,
            label: text(80),
            verdict: text(20),
            ok: z.boolean().nullable(),
          }),
        )
        .max(48),
    })
    .nullable(),
});

export const checklistTodoSchema = z.object({
  step: text(40),
  title: text(80),
  status: z.enum(CHECKLIST_STEP_STATUSES),
  /** Why it is not done, in plain words (the step's own reason when it has one). */
  reason: text(500),
});

/**
 * The checklist, as `nvr-assist checklist --json` prints it and the PDF shows it. Versioned by `format` and
 * `schemaVersion`; never holds a password, token or key.
 */
export const checklistSchema = z.object({
  format: z.literal(CHECKLIST_FORMAT),
  schemaVersion: z.literal(CHECKLIST_SCHEMA_VERSION),
  /** When the checklist was made, and by which version of the app. */
  madeAt: when,
  appVersion: text(40),
  /** When the setup record was last changed (null: no record could be read). */
  recordUpdatedAt: when.nullable(),
  nvr: checklistNvrSchema,
  /** Every wizard step, in the wizard's order. */
  steps: z.array(checklistStepSchema).max(32),
  ports: checklistPortsSchema,
  /** The forward rules of the last plan (null: no plan yet). */
  forwardRules: z
    .object({
      madeAt: when,
      rules: z.array(checklistRuleSchema).max(16),
      notes: z.array(checklistFindingSchema).max(16),
    })
    .nullable(),
  upnp: checklistUpnpSchema.nullable(),
  ddns: checklistDdnsSchema,
  internet: checklistInternetSchema,
  /** Every step not verified, with why: what is not done yet is listed, never hidden. */
  todo: z.array(checklistTodoSchema).max(32),
});
export type Checklist = z.infer<typeof checklistSchema>;

// --- Allow-lists: what is read from the record. A zod object keeps only the keys it names, so a key added to the
// record later (or a secret put where it should not be) never reaches the checklist unless it is named here.

/** A value of the record read through `schema`; anything missing or malformed gives null, never a throw. */
function pick<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional().catch(null);
const list = <T extends z.ZodType>(s: T) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((a) => a.flatMap((v) => (s.safeParse(v).success ? [s.parse(v) as z.infer<T>] : [])));

const pickDevice = z.object({
  id: text(300),
  addresses: list(text(45)),
  mac: opt(text(17)),
  brand: opt(text(100)),
  model: opt(text(200)),
  name: opt(text(200)),
  firmware: opt(text(200)),
  dhcp: opt(z.boolean()),
});
const pickNvr = z.object({ deviceId: text(300), device: pickDevice });
const pickStepState = z.object({ status: stepStatusSchema, updatedAt: when, reason: opt(text(500)) });
const pickStaticIp = z.object({
  reading: opt(
    z.object({
      settings: z.object({ dhcp: opt(z.boolean()), address: opt(text(45)) }),
      mac: opt(text(17)),
      findings: list(z.object({ code: text(40) })),
    }),
  ),
  lastChange: opt(z.object({ outcome: text(20), address: opt(text(45)), mac: opt(text(17)), at: when })),
  reservation: opt(z.object({ address: text(45) })),
});
const pickPorts = z.object({
  report: opt(
    z.object({
      measuredAt: when,
      address: text(45),
      rows: list(
        z.object({
          port,
          state: z.enum(['open', 'closed', 'filtered']),
          service: text(20),
          role: opt(text(20)),
          risk: z.object({ level: text(20) }),
        }),
      ),
    }),
  ),
  lastChange: opt(
    z.object({
      outcome: z.enum(['verified', 'partial', 'restored', 'failed']),
      at: when,
      message: text(1000),
      changes: list(z.object({ role: text(20), from: port, to: port, verified: z.boolean() })),
    }),
  ),
});
const pickFinding = z.object({ severity: text(20), text: text(600) });
const pickRules = z.object({
  plan: opt(
    z.object({
      madeAt: when,
      rules: list(
        z.object({
          name: text(40),
          protocol: z.enum(['tcp', 'udp']),
          externalPort: port,
          internalAddress: text(45),
          internalPort: port,
          portCount: opt(z.number().int().min(2).max(1000)),
          sources: list(text(18)),
          why: text(300),
        }),
      ),
      notes: list(pickFinding),
    }),
  ),
});
const pickUpnp = z.object({
  audit: opt(
    z.object({
      measuredAt: when,
      igd: opt(z.object({}).loose()),
      natPmp: opt(z.object({ present: z.boolean() })),
      mappings: list(
        z.object({
          protocol: text(8),
          externalPort: port,
          internalClient: text(64),
          internalPort: port,
          device: opt(z.object({ name: text(200) })),
          camera: z.boolean().catch(false),
        }),
      ),
      findings: list(pickFinding),
    }),
  ),
  deleted: opt(z.array(z.unknown())),
  recheck: opt(z.object({ outcome: text(40), at: when })),
});
const pickDdns = z.object({
  hosts: list(
    z.object({
      host: text(253),
      provider: text(40),
      address: opt(text(64)),
      successAt: opt(when),
      answer: z.object({ outcome: text(40) }),
    }),
  ),
  check: opt(z.object({ host: text(253), verdict: text(20), words: text(1000), checkedAt: when })),
});
const pickInternet = z.object({
  check: opt(
    z.object({
      measuredAt: when,
      publicAddress: opt(text(64)),
      verdict: z.object({ code: text(40), title: text(160), advice: text(800) }),
    }),
  ),
  proof: opt(
    z.object({
      measuredAt: when,
      verdict: z.object({ code: text(20), title: text(160), advice: text(800) }),
      rows: list(
        z.object({
          kind: z.enum(['planned', 'forbidden']),
          protocol: z.enum(['tcp', 'udp']),
          port,
          label: text(80),
          verdict: text(20),
          ok: opt(z.boolean()),
        }),
      ),
    }),
  ),
});

const field = (record: unknown, key: string): unknown =>
  record && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>)[key] : undefined;

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
        addressBasis: 'No NVR chosen yet.',
      },
    };
  const d = chosen.device;
  const ip = pick(pickStaticIp, field(field(record, 'staticIp'), chosen.deviceId));
  const codes = new Set(ip?.reading?.findings.map((f) => f.code) ?? []);
  let addressKind: Checklist['nvr']['addressKind'] = 'unknown';
  let addressBasis = 'The address settings were not checked yet (Static IP step).';
  let address = d.addresses[0] ?? null;
  if (ip?.lastChange?.outcome === 'verified') {
    addressKind = 'static';
    address = ip.lastChange.address ?? address;
    addressBasis = `Set static by the app and verified (${ip.lastChange.at}).`;
  } else if (codes.has('reservation-ok')) {
    addressKind = 'reserved';
    address = ip?.reservation?.address ?? ip?.reading?.settings.address ?? address;
    addressBasis = 'Reserved for its MAC in the router, and the device has that address.';
  } else if (ip?.reading?.settings.dhcp === false) {
    addressKind = 'static';
    address = ip.reading.settings.address ?? address;
    addressBasis = 'The device reports DHCP off (a fixed address).';
  } else if (ip?.reading?.settings.dhcp === true || (ip?.reading == null && d.dhcp === true)) {
    addressKind = 'dhcp';
    address = ip?.reading?.settings.address ?? address;
    addressBasis = 'The device takes its address from DHCP: it may change.';
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
      addressBasis,
    },
  };
}

const REASON: Record<string, string> = {
  'not-started': 'Not done yet.',
  working: 'Started and not finished.',
  attention: 'Needs attention.',
  skipped: 'Skipped.',
  planned: 'Not in this version of the app yet.',
};

/** Builds the checklist from a setup record (any shape: a missing or malformed part reads as "not done yet"). */
export function buildChecklist(record: unknown, meta: { madeAt: string; appVersion: string }): Checklist {
  const { nvr, deviceId } = nvrOf(record);
  const stepStates = field(record, 'steps');
  const steps: Checklist['steps'] = STEPS.map((s) => {
    const state = s.available ? pick(pickStepState, field(stepStates, s.id)) : null;
    const status = s.available ? (state?.status ?? 'not-started') : 'planned';
    return {
      id: s.id,
      title: s.title,
      status,
      updatedAt: state?.updatedAt ?? null,
      verifiedAt: status === 'verified' ? (state?.updatedAt ?? null) : null,
      reason: state?.reason ?? null,
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
      })),
      notes: plan.notes.map((n) => ({ severity: n.severity, text: n.text })),
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
      findings: audit.findings.map((f) => ({ severity: f.severity, text: f.text })),
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
    todo: steps
      .filter((s) => s.status !== 'verified')
      .map((s) => ({
        step: s.id,
        title: s.title,
        status: s.status,
        reason: s.reason ? `${REASON[s.status] ?? ''} ${s.reason}`.trim() : (REASON[s.status] ?? 'Not done yet.'),
      })),
  };
  return checklistSchema.parse(checklist);
}
