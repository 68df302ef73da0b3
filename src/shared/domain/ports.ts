import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { neededOutsideSchema, portRoleSchema, riskLevelSchema } from '../catalog/ports';
import { proposedPortSchema } from '../catalog/port-proposal';
import { manualStepSourceSchema, type ManualStepSource } from '../catalog/manual-step-source';

export { manualStepSourceSchema, type ManualStepSource };

// The Ports step: what the device's ports are (measured), what each is for, how risky, what to do — and the
// change of defaults with its verification. Everything here is measured data or plain words; no secrets.

export const PORT_SERVICES = ['http', 'https', 'rtsp', 'onvif', 'sdk', 'ssh', 'telnet', 'ftp', 'unknown'] as const;

/** The roles main moves itself through ONVIF SetNetworkProtocols (the one list: main, the contract, the page). */
export const ONVIF_ROLES = ['http', 'https', 'rtsp'] as const;
/** The roles whose new port the user may type (the keys `ports.plan` takes as edits). */
export const EDITABLE_ROLES = ['http', 'https', 'rtsp', 'sdk', 'media', 'onvif'] as const;
export const editableRoleSchema = z.enum(EDITABLE_ROLES);
export type EditableRole = z.infer<typeof editableRoleSchema>;
export const onvifRoleSchema = z.enum(ONVIF_ROLES);
export type OnvifRole = z.infer<typeof onvifRoleSchema>;
/** The name ONVIF gives each of those roles' protocol in GetNetworkProtocols/SetNetworkProtocols. */
export const ONVIF_PROTOCOL_NAMES = ['HTTP', 'HTTPS', 'RTSP'] as const;
export type OnvifProtocolName = (typeof ONVIF_PROTOCOL_NAMES)[number];
export const PROTOCOL_OF_ROLE: Readonly<Record<OnvifRole, OnvifProtocolName>> = {
  http: 'HTTP',
  https: 'HTTPS',
  rtsp: 'RTSP',
};

export const portTlsSchema = z.object({
  selfSigned: z.boolean(),
  /** This computer's trust store accepted it. */
  trusted: z.boolean(),
  /** ISO dates; null when the certificate's were unreadable. */
  validFrom: z.string().max(40).nullable(),
  validTo: z.string().max(40).nullable(),
  subject: z.string().max(300),
  issuer: z.string().max(300),
  /** Its CN and subjectAltName DNS names and IP addresses, lower case. */
  names: z.array(z.string().max(253)).max(32),
  /** 'RSA', 'EC', …; null: not told. */
  keyType: z.string().max(20).nullable(),
  keyBits: z.number().int().min(0).max(65536).nullable(),
  /** e.g. sha256WithRSAEncryption; null: not read. */
  signatureAlgorithm: z.string().max(80).nullable(),
});
export type PortTls = z.infer<typeof portTlsSchema>;

export const portRowSchema = z.object({
  port: z.number().int().min(1).max(65535),
  transport: z.literal('tcp'),
  state: z.enum(['open', 'closed', 'filtered']),
  /** What answered on it (identified), or what should be there when it is closed. */
  service: z.enum(PORT_SERVICES),
  product: z.string().max(200).nullable(),
  vendor: z.string().max(100).nullable(),
  /** Its role for this device: from the device itself (ONVIF, SADP, DHIP) or the brand's catalogue. */
  role: portRoleSchema.nullable(),
  purpose: z.string().max(300),
  neededOutside: neededOutsideSchema,
  risk: z.object({ level: riskLevelSchema, reasons: z.array(z.string().max(300)).max(10) }),
  /** What to do about it, in plain words. */
  recommendation: z.string().max(500),
  /** Who said this port belongs to the device. */
  declaredBy: z.array(z.enum(['onvif', 'sadp', 'dhip', 'discovery', 'catalogue'])).max(5),
  isDefault: z.boolean(),
  plainText: z.boolean(),
  adminUi: z.boolean(),
  authRequired: z.boolean().nullable(),
  /** Short facts behind the identification (a Server header, a certificate subject…). */
  evidence: z.array(z.string().max(300)).max(10),
  /**
   * What decided the service, in plain words, where more than the first reply did (e.g. "ONVIF: the device’s own
   * discovery answer names it (http://…:8081/onvif/device_service)."). Absent: the replies alone decided.
   */
  identifiedBy: z.string().max(200).optional(),
  /**
   * The TLS certificate this port showed, when it spoke TLS (absent in reports made before it was kept, and on
   * ports without TLS): the facts the Security step judges. No key material.
   */
  tls: portTlsSchema.optional(),
  /**
   * The row's words by the catalogue's keys (said.ts), for the page and the CLI to say in the user's language: the
   * recommendation; the purpose in parts joined with "; " (the port catalogue's by `ports.purposes.…`; absent where
   * too long to say by key); the risk's reasons one for one (null where a reason is the catalogue's own). Absent in
   * reports made before them.
   */
  said: z
    .object({
      recommendation: saidSchema,
      purpose: z.array(saidSchema).max(2).optional(),
      reasons: z.array(saidSchema.nullable()).max(10).optional(),
    })
    .optional(),
});
export type PortRow = z.infer<typeof portRowSchema>;

export const portReportSchema = z.object({
  deviceId: z.string().max(300),
  address: z.string().max(45),
  measuredAt: z.string(),
  /** True for a full 1–65535 scan; false for the catalogue audit. */
  full: z.boolean(),
  rows: z.array(portRowSchema).max(1024),
  /** Ports the device (ONVIF/SADP/DHIP) says it uses but that did not answer. */
  declaredButClosed: z.array(z.number().int()).max(64),
  /** Open ports nobody declared (not in ONVIF, SADP, DHIP nor the brand's catalogue). */
  undeclaredOpen: z.array(z.number().int()).max(1024),
  /** What ONVIF GetNetworkProtocols said, when the app could log in. */
  onvifProtocols: z
    .array(z.object({ name: z.enum(ONVIF_PROTOCOL_NAMES), enabled: z.boolean(), ports: z.array(z.number().int()) }))
    .nullable(),
});
export type PortReport = z.infer<typeof portReportSchema>;

export const portProblemSchema = z.object({
  code: z.string().max(50),
  severity: z.enum(['error', 'warning']),
  role: portRoleSchema,
  port: z.number().int(),
  message: z.string().max(500),
  /** The same words by the catalogue's key (said.ts): the page and the CLI say them in the user's language. */
  said: saidSchema.optional(),
});
export type PortProblem = z.infer<typeof portProblemSchema>;

export const portPlanSchema = z.object({
  deviceId: z.string().max(300),
  proposal: z.array(proposedPortSchema).max(32),
  problems: z.array(portProblemSchema).max(64),
  /** Roles ONVIF can move (HTTP, HTTPS, RTSP): the app applies these itself. */
  applyViaOnvif: z.array(portRoleSchema).max(8),
  /**
   * Ports ONVIF cannot change (SDK, media): numbered steps in the vendor's web UI, then a re-probe, with where the
   * steps come from (none for the general steps, which say the menu varies).
   */
  manualSteps: z
    .array(
      z.object({
        role: portRoleSchema,
        steps: z.array(z.string().max(400)).max(12),
        /** The same steps by the catalogue's key (said.ts), `said[i]` for `steps[i]`: for the user's language. */
        said: z.array(saidSchema).max(12).optional(),
        sources: z.array(manualStepSourceSchema).max(6).optional(),
      }),
    )
    .max(8),
  rtspAdvice: z.string().max(1000),
  /** The same advice by the catalogue's key (said.ts), for the user's language (absent in plans saved before it). */
  rtspAdviceSaid: saidSchema.optional(),
});
export type PortPlan = z.infer<typeof portPlanSchema>;

export const portChangeSchema = z.object({
  role: onvifRoleSchema,
  from: z.number().int().min(1).max(65535),
  to: z.number().int().min(1).max(65535),
  /** Verified by measurement: the old port closed, the new one answers the same service. */
  verified: z.boolean(),
  evidence: z.string().max(500),
});

/**
 * A change the app had started on the device and not yet finished: saved just before SetNetworkProtocols is
 * sent and cleared with the result. Still there later means the app stopped mid-change (a crash, a power cut):
 * the next measurement first finds where the NVR answers now.
 */
export const portPendingChangeSchema = z.object({
  changes: z
    .array(
      z.object({
        role: onvifRoleSchema,
        from: z.number().int().min(1).max(65535),
        to: z.number().int().min(1).max(65535),
      }),
    )
    .min(1)
    .max(8),
  /** The device service before the change, and where it moves to (they differ when HTTP carries ONVIF). */
  onvifUrl: z.string().max(300),
  newOnvifUrl: z.string().max(300),
  startedAt: z.string(),
});
export type PortPendingChange = z.infer<typeof portPendingChangeSchema>;

export const portApplyResultSchema = z.object({
  deviceId: z.string().max(300),
  /**
   * verified: every port moved and checked; partial: the ports moved one at a time, some moved and checked, the
   * device kept the others (put back and checked); restored: nothing changed (put back and checked); failed: the
   * put-back could not be verified either.
   */
  outcome: z.enum(['verified', 'partial', 'restored', 'failed']),
  /** Plain words: what happened, and what the user should do. */
  message: z.string().max(1000),
  /** The same words by the catalogue's key (said.ts), one sentence each (joined with a space; absent: English only). */
  said: z.array(saidSchema).max(12).optional(),
  changes: z.array(portChangeSchema).max(8),
  /** The device-service URL after the change (ONVIF moves with HTTP). */
  onvifUrl: z.string().max(300).nullable(),
  at: z.string(),
  /**
   * Warnings about the new ports (the plan's rules: a known factory port, a commonly scanned one…) that the user
   * confirmed before the change was sent. Absent: there were none (and in records written before this existed).
   */
  confirmedWarnings: z.array(portProblemSchema).max(16).optional(),
});
export type PortApplyResult = z.infer<typeof portApplyResultSchema>;
