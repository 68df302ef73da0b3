import { z } from 'zod';
import { stepStatusSchema } from './step-state';

// The checklist's shape (issue 15): what `nvr-assist checklist --json` prints, the page shows and the PDF draws. It
// never holds a password, token or key. What is read from the record to fill it is in checklist-pick.ts (the
// allow-lists), how it is filled in checklist.ts.

/** The checklist's format: bump CHECKLIST_SCHEMA_VERSION when a key changes meaning or goes away. */
export const CHECKLIST_FORMAT = 'nvr-assist.checklist';
export const CHECKLIST_SCHEMA_VERSION = 1;

/** Bounded text, a time (ISO 8601) and a port: the checklist's own fields and the allow-lists share them. */
export const text = (max: number) => z.string().max(max);
export const when = text(40);
export const port = z.number().int().min(1).max(65535);

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

/** How a step's status is said in the checklist, in the PDF and on the page alike. */
export const CHECKLIST_STATUS_WORDS: Record<(typeof CHECKLIST_STEP_STATUSES)[number], string> = {
  'not-started': 'not done yet',
  working: 'started',
  verified: 'verified',
  attention: 'needs attention',
  skipped: 'skipped',
  planned: 'not in this version yet',
};

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

/** One port the test from outside asked about, and what the checker saw (ok null: it could not tell). */
export const checklistProofRowSchema = z.object({
  kind: z.enum(['planned', 'forbidden']),
  protocol: z.enum(['tcp', 'udp']),
  port,
  label: text(80),
  verdict: text(20),
  ok: z.boolean().nullable(),
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
      rows: z.array(checklistProofRowSchema).max(48),
    })
    .nullable(),
});

/**
 * The VPN plan (public parts only: a private key is never in the record, let alone here): where the server runs, the
 * tunnel, what the devices dial, the one forward the router needs, and each device by its PUBLIC key — what whoever
 * maintains the system needs to recognise the server's peers (`wg show`) and to remove a lost phone.
 */
export const checklistVpnSchema = z.object({
  madeAt: when,
  /** wireguard: a home server; overlay: behind carrier-grade NAT; none: the router has no WireGuard server. */
  mode: text(20),
  server: text(80),
  tunnel: text(18).nullable(),
  /** What the devices dial (host:port), null without one. */
  endpoint: text(260).nullable(),
  /** The one forward the router needs (Linux server): UDP port → the computer's LAN address. */
  forward: z.object({ protocol: z.literal('udp'), port, to: text(15) }).nullable(),
  serverPublicKey: text(44).nullable(),
  peers: z.array(z.object({ name: text(40), address: text(18), publicKey: text(44) })).max(32),
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
  /** The VPN plan's public parts (null: no plan yet). */
  vpn: checklistVpnSchema.nullable(),
  /** Every step not verified, with why: what is not done yet is listed, never hidden. */
  todo: z.array(checklistTodoSchema).max(32),
});
export type Checklist = z.infer<typeof checklistSchema>;
