// The Security check's shapes: severities, a finding, the result, what the check reads from the setup record, and
// the one way a finding is made (its worth from its severity unless it says otherwise). Pure, and without words of
// its own: the contract and the pages load it (the rules say their words by key in security-finding.ts).
import { z } from 'zod';
import { saidSchema, type Said } from '../i18n/said';
import type { ForwardPlan } from './forward-plan';
import type { DefaultCheck } from './security-defaults';
import type { OutsideProof } from './outside-proof';
import type { PortReport } from './ports';
import type { SetupRecord } from './setup';
import type { UpnpAudit } from './upnp';

export const SECURITY_SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown', 'info'] as const;
export type SecuritySeverity = (typeof SECURITY_SEVERITIES)[number];

/** A finding's words by key: each names the English field it says (a copy of a finding, the checklist's, may carry it). */
export const findingSaidSchema = z.object({
  title: saidSchema.optional(),
  text: saidSchema.optional(),
  fix: saidSchema.optional(),
});
export type FindingSaid = { title?: Said; text?: Said; fix?: Said };

export const securityFindingSchema = z.object({
  /** Stable per finding (a CVE's carries its id, an exposed port its number). */
  id: z.string().max(80),
  severity: z.enum(SECURITY_SEVERITIES),
  title: z.string().max(160),
  /** What it means, in plain words. */
  text: z.string().max(800),
  /** What to do about it. */
  fix: z.string().max(600),
  /** The points the score gains when it is fixed (or checked, for an unknown). */
  worth: z.number().int().min(0).max(100),
  evidence: z.array(z.string().max(300)).max(16),
  source: z.string().max(300).optional(),
  /**
   * The title, text and fix by the catalogue's key, for the page and the CLI to say in the user's language (a part
   * absent here is data that stays as it came, or a sentence too long to cross said by key).
   */
  said: findingSaidSchema.optional(),
});
export type SecurityFinding = z.infer<typeof securityFindingSchema>;

export const securityResultSchema = z.object({
  checkedAt: z.string(),
  /** 0–100: 100 less what every open finding is worth. */
  score: z.number().int().min(0).max(100),
  /** A critical or high finding is open. */
  highRisk: z.boolean(),
  /** Every finding, the fixes first by what each is worth (then by severity). */
  findings: z.array(securityFindingSchema).max(64),
  /** Each row of the vulnerability table for the NVR's brand, and its answer. */
  firmware: z
    .array(
      z.object({
        id: z.string().max(40),
        title: z.string().max(120),
        status: z.enum(['affected', 'fixed', 'unknown', 'not-listed']),
        reason: z.string().max(800),
        fixedIn: z.string().max(300),
        source: z.string().max(300),
        /** The row's name (where it is words), the reason and the fix by the catalogue's key (`security.vulns.…`). */
        said: z
          .object({ title: saidSchema.optional(), reason: saidSchema.optional(), fixedIn: saidSchema.optional() })
          .optional(),
      }),
    )
    .max(16),
});
export type SecurityResult = z.infer<typeof securityResultSchema>;

/** What the check reads: the record's facts, nothing measured anew. */
export interface SecurityInput {
  nvr: { brand: string | null; model: string | null; firmware: string | null } | null;
  ports: PortReport | null;
  upnp: UpnpAudit | null;
  plan: ForwardPlan | null;
  proof: OutsideProof | null;
  /** planned: a VPN plan is kept; none: the VPN step has no plan; unknown: this record has no VPN step. */
  vpn: 'planned' | 'none' | 'unknown';
  /** The chosen NVR's last default-password check (absent or null: none made). */
  defaults?: DefaultCheck | null;
  /** The DDNS names users type from outside (the DDNS step's), which the HTTPS certificate should name. */
  ddnsNames?: string[];
}

/** What each severity is worth, where a finding does not say otherwise. */
const WORTH: Readonly<Record<SecuritySeverity, number>> = {
  critical: 35,
  high: 20,
  medium: 10,
  low: 4,
  unknown: 5,
  info: 0,
};

/** Reads the check's facts from the setup record (the chosen NVR's Ports measurement). */
export function securityInputFromRecord(record: SetupRecord): SecurityInput {
  const nvr = record.nvr;
  const defaults = record.security.defaults.last;
  const vpnSlice = (record as { vpn?: { plan?: { mode?: string } | null } }).vpn;
  const ddnsHosts = (record as { ddns?: { hosts?: { host?: unknown }[] } }).ddns?.hosts ?? [];
  return {
    nvr: nvr ? { brand: nvr.device.brand, model: nvr.device.model, firmware: nvr.device.firmware } : null,
    ports: nvr ? (record.ports[nvr.deviceId]?.report ?? null) : null,
    upnp: record.upnp.audit,
    plan: record.rules.plan,
    proof: record.internet.proof,
    vpn: vpnSlice === undefined ? 'unknown' : vpnSlice.plan && vpnSlice.plan.mode !== 'none' ? 'planned' : 'none',
    defaults: nvr && defaults?.deviceId === nvr.deviceId ? defaults : null,
    ddnsNames: ddnsHosts.flatMap((h) => (typeof h.host === 'string' && h.host ? [h.host] : [])).slice(0, 8),
  };
}

/** A finding as its words came (the rules say theirs by key: sayFinding, security-finding.ts). */
export function finding(
  id: string,
  severity: SecuritySeverity,
  title: string,
  text: string,
  fix: string,
  evidence: string[] = [],
  extra: { worth?: number; source?: string; said?: FindingSaid } = {},
): SecurityFinding {
  return {
    id,
    severity,
    title,
    text,
    fix,
    worth: extra.worth ?? WORTH[severity],
    evidence: evidence.slice(0, 16),
    ...(extra.source ? { source: extra.source } : {}),
    ...(extra.said ? { said: extra.said } : {}),
  };
}
