import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { SECURITY_SEVERITIES, findingSaidSchema } from './security-model';
import { stepStatusSchema } from './step-state';

// The checklist's shape (issue 15): what `nvr-assist checklist --json` prints, the page shows and the PDF draws. It
// never holds a password, token or key. What is read from the record to fill it is in checklist-pick.ts (the
// allow-lists), how it is filled in checklist.ts. Where main said its words by key (said.ts), the checklist carries
// the key and values (`said`) beside the English sentence, so the PDF, the page and the CLI say them in the reader's
// language (checklist-words.ts); an older record without them gives the English as it is.

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
  /** `addressBasis` by the catalogue's key. */
  said: saidSchema.optional(),
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
  /** The reason by the catalogue's key (absent: the reason is English only, or there is none). */
  said: saidSchema.optional(),
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
  /** `why` by the catalogue's key. */
  said: saidSchema.optional(),
});

export const checklistFindingSchema = z.object({
  severity: text(20),
  text: text(600),
  /** `text` by the catalogue's key. */
  said: saidSchema.optional(),
});

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
  check: z
    .object({
      host: text(253),
      verdict: text(20),
      words: text(1000),
      /** `words` by the catalogue's key. */
      said: saidSchema.optional(),
      checkedAt: when,
    })
    .nullable(),
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
      /** The title and advice by the catalogue's key. */
      said: z.object({ title: saidSchema, advice: saidSchema }).optional(),
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

/** A Security finding's words, as the setup record keeps them and the checklist carries them (never its evidence). */
export const securityFindingFields = {
  id: text(80),
  severity: z.enum(SECURITY_SEVERITIES),
  title: text(160),
  /** What it means, in plain words. */
  text: text(800),
  /** What to do about it. */
  fix: text(600),
};

/** The last Security check: its score and the fixes, the one worth most first. */
export const checklistSecuritySchema = z.object({
  /** When the Security step made the check (it judged the setup record as it was then). */
  checkedAt: when,
  /** 0–100: 100 less what every open finding is worth. */
  score: z.number().int().min(0).max(100),
  /** A critical or high finding is open. */
  highRisk: z.boolean(),
  /** Every finding worth points, by worth (then severity, then id): fixing the first gains the most. */
  fixes: z
    .array(
      z.object({
        ...securityFindingFields,
        /** The points the score gains when it is fixed (or checked, for an unknown). */
        worth: z.number().int().min(1).max(100),
        /** The title, text and fix by the catalogue's key (a part absent: data that stays as it came). */
        said: findingSaidSchema.optional(),
      }),
    )
    .max(64),
});

export const TOPOLOGY_RISKS = ['none', 'low', 'medium', 'high'] as const;
const risk = z.enum(TOPOLOGY_RISKS);
const coordinate = z.number().min(0).max(10_000);

/**
 * The topology picture (src/shared/domain/topology.ts): the layout both the PDF and the page draw — boxes (Internet,
 * the NAT in front if any, your router, the NVR and the devices something is open to) and arrows, each with its risk
 * — and the same content as sentences. Device text in it is as the record has it: the SVG escapes it.
 */
export const checklistTopologySchema = z.object({
  width: coordinate,
  height: coordinate,
  boxes: z
    .array(
      z.object({
        id: text(20),
        label: text(320),
        detail: text(400),
        risk,
        x: coordinate,
        y: coordinate,
        w: coordinate,
        h: coordinate,
        /** The label and the detail by the catalogue's key where they are our words (topology-words.ts). */
        said: z.object({ label: saidSchema.optional(), detail: saidSchema.optional() }).optional(),
      }),
    )
    .max(16),
  arrows: z
    .array(
      z.object({
        from: text(20),
        to: text(20),
        /** An exposure's port ("8000/tcp (UPnP)"); empty for a plain link. */
        label: text(40),
        risk,
        /** A UPnP mapping (opened by a device, not by you) or the VPN. */
        dashed: z.boolean(),
      }),
    )
    .max(32),
  /** The picture in sentences: what a screen reader reads, and the checklist's text. */
  sentences: z.array(text(600)).max(32),
  /** The same sentences by the catalogue's key, one each (null: as it is; absent in checklists made before). */
  said: z.object({ sentences: z.array(saidSchema.nullable()).max(32) }).optional(),
  /** Each port open from the internet: how (rule, UPnP, VPN), to where, its risk, whether the proof reached it. */
  exposures: z
    .array(
      z.object({
        port,
        protocol: z.enum(['tcp', 'udp']),
        to: text(64),
        toPort: port,
        how: z.enum(['rule', 'upnp', 'vpn']),
        reached: z.boolean().nullable(),
        risk,
        words: text(400),
      }),
    )
    .max(12),
  /** Devices found on the network that nothing from the internet leads to (counted, not named). */
  otherDevices: z.number().int().min(0),
});

export const checklistTodoSchema = z.object({
  step: text(40),
  title: text(80),
  status: z.enum(CHECKLIST_STEP_STATUSES),
  /** Why it is not done, in plain words (the step's own reason when it has one). */
  reason: text(500),
  /** Each sentence of `reason` by the catalogue's key, in order (absent: one of them is English only). */
  said: z.array(saidSchema).min(1).max(2).optional(),
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
  /** The last Security check (null: none made yet). */
  security: checklistSecuritySchema.nullable(),
  /** What is open from the internet to where, as a picture and in sentences. */
  topology: checklistTopologySchema,
  /** Every step not verified, with why: what is not done yet is listed, never hidden. */
  todo: z.array(checklistTodoSchema).max(32),
});
export type Checklist = z.infer<typeof checklistSchema>;
