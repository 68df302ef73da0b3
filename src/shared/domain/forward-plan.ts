// The Router rules step's rules: from what the user wants to reach from outside and the NVR's measured ports, the
// fewest port-forward rules — HTTPS for the web page and the vendor's app/SDK port; RTSP only when asked; never
// plain HTTP, never the admin page on 80/443 outside — each with why, and every risky choice named. Pure. main's side:
// the notes and reasons are said by key with their English sentence beside them (english.ts loads the whole
// catalogue), so the pages load the plan's shapes and helpers from forward-plan-shapes.ts (re-exported here).
import { ROLE_LABELS, type PortRole } from '../catalog/ports';
import { english, saidInEnglish } from '../i18n/english';
import { said, type Said, type SaidWords } from '../i18n/said';
import {
  checkSourceSaid,
  externalFor,
  type ForwardNote,
  type ForwardPlan,
  type ForwardRule,
  type ForwardWants,
  type MediaRange,
} from './forward-plan-shapes';
import type { PortRow } from './ports';

export * from './forward-plan-shapes';

/** A source the user allows (checkSourceSaid), or why not in main's English sentence beside its key. */
export function checkSource(text: string): { ok: true; cidr: string } | { ok: false; error: string; said: Said } {
  const checked = checkSourceSaid(text);
  return checked.ok ? checked : { ok: false, error: english(checked.said), said: checked.said };
}

/** The roles of the vendor's app/SDK ports, which must be forwarded on the same number outside. */
const APP_ROLES: ReadonlySet<string> = new Set(['sdk', 'mobile', 'media']);

export interface ForwardInput {
  deviceId: string;
  /** The NVR's address on the LAN. */
  address: string;
  /** True when the address is kept (static, or a proven DHCP reservation); null when not checked. */
  addressKept: boolean | null;
  /** The Ports step's measurement rows (null: not measured). */
  rows: readonly PortRow[] | null;
  wants: ForwardWants;
  sources: readonly string[];
  /** The RTP range the device (its brand's catalogue) declares for video over UDP; null/absent: none. */
  mediaRange?: MediaRange | null;
  at: Date;
}

const label = (role: string) => ROLE_LABELS[role as PortRole] ?? role;
/** A role's words by key where the Ports step's catalogue names it (ports.role), else the role as it is. */
const roleWords = (role: string): SaidWords | string =>
  Object.hasOwn(ROLE_LABELS, role) ? { key: `ports.role.${role}` } : role;

/**
 * The fewest rules for what the user wants: the web page over HTTPS only (never plain HTTP), the vendor's app/SDK
 * ports on their own numbers (vendors require it), RTSP only when asked; an admin page's well-known port is never
 * the outside one (443 → 10443). Notes say what is risky and why, most urgent first.
 */
export function planForwards(input: ForwardInput): ForwardPlan {
  const rules: ForwardRule[] = [];
  const notes: ForwardNote[] = [];
  const open = (input.rows ?? []).filter((r) => r.state === 'open' && r.role);
  const sources = [...input.sources];
  const add = (row: PortRow, role: string, external: number, why: Said) => {
    if (rules.some((r) => r.externalPort === external && r.protocol === 'tcp')) return;
    rules.push({
      name: `NVR ${label(role)}`.slice(0, 40),
      role,
      protocol: 'tcp',
      externalPort: external,
      internalAddress: input.address,
      internalPort: row.port,
      sources,
      why: english(why),
      said: why,
    });
  };
  if (!input.rows)
    notes.push({
      code: 'no-measurement',
      severity: 'problem',
      ...saidInEnglish(said('rules.said.note.noMeasurement')),
    });
  if (input.wants.web) {
    const https = open.find((r) => r.role === 'https');
    if (https) add(https, 'https', externalFor(https.port), said('rules.said.why.https'));
    else if (open.some((r) => r.role === 'http'))
      notes.push({
        code: 'no-https',
        severity: 'problem',
        ...saidInEnglish(said('rules.said.note.noHttps')),
      });
  }
  if (input.wants.app)
    for (const row of open.filter((r) => APP_ROLES.has(r.role!)))
      add(row, row.role!, row.port, said('rules.said.why.app', { role: roleWords(row.role!) }));
  if (input.wants.video) {
    const rtsp = open.find((r) => r.role === 'rtsp');
    if (rtsp) {
      add(rtsp, 'rtsp', externalFor(rtsp.port), said('rules.said.why.rtsp'));
      notes.push({
        code: 'plain-video',
        severity: 'warning',
        ...saidInEnglish(said('rules.said.note.plainVideo')),
      });
      const range = input.mediaRange;
      if (range && input.wants.udpMedia) {
        const count = range.portEnd - range.port + 1;
        const span = { from: String(range.port), to: String(range.portEnd) };
        const why = said('rules.said.why.rtp', { ...span, source: range.source });
        rules.push({
          name: 'NVR video over UDP (RTP)',
          role: 'rtp',
          protocol: 'udp',
          externalPort: range.port,
          internalAddress: input.address,
          internalPort: range.port,
          portCount: count,
          sources,
          why: english(why),
          said: why,
        });
        notes.push({
          code: 'udp-range',
          severity: 'warning',
          ...saidInEnglish(said('rules.said.note.udpRange', { count: String(count), ...span })),
        });
      } else
        notes.push({
          code: 'udp-media',
          severity: 'info',
          ...saidInEnglish(
            range
              ? said('rules.said.note.udpMediaRange', { from: String(range.port), to: String(range.portEnd) })
              : said('rules.said.note.udpMedia'),
          ),
        });
    }
  }
  // Each rule the Ports step judged high-risk says why, so the choice to open it is made knowing it.
  for (const r of rules) {
    const row = r.protocol === 'tcp' ? open.find((x) => x.port === r.internalPort) : undefined;
    const reason = row?.risk.level === 'high' ? row.risk.reasons[0] : undefined;
    if (reason) {
      // The Ports step's reason is its own English sentence (not said by key there): passed on as it is.
      const words = said('rules.said.note.riskyPort', { name: r.name, port: String(r.externalPort), reason });
      notes.push({ code: 'risky-port', severity: 'warning', text: english(words).slice(0, 600), said: words });
    }
  }
  if (rules.length === 0 && input.rows)
    notes.push({
      code: 'nothing-to-forward',
      severity: 'warning',
      ...saidInEnglish(said('rules.said.note.nothingToForward')),
    });
  if (rules.some((r) => r.externalPort !== r.internalPort))
    notes.push({
      code: 'external-differs',
      severity: 'info',
      ...saidInEnglish(
        said('rules.said.note.externalDiffers', {
          ports: rules
            .filter((r) => r.externalPort !== r.internalPort)
            .map((r) => `${r.externalPort} → ${r.internalPort}`)
            .join(', '),
        }),
      ),
    });
  if (rules.length && sources.length === 0)
    notes.push({
      code: 'any-source',
      severity: 'warning',
      ...saidInEnglish(said('rules.said.note.anySource')),
    });
  if (rules.length && input.addressKept !== true)
    notes.push({
      code: 'address-not-kept',
      severity: input.addressKept === false ? 'problem' : 'warning',
      ...saidInEnglish(
        said(input.addressKept === false ? 'rules.said.note.addressMoves' : 'rules.said.note.addressNotChecked', {
          address: input.address,
        }),
      ),
    });
  if (rules.length > 16) rules.length = 16; // the schema's bound (a real NVR offers a handful of ports)
  const order = { problem: 0, warning: 1, info: 2 } as const;
  notes.sort((a, b) => order[a.severity] - order[b.severity]);
  return {
    deviceId: input.deviceId,
    address: input.address,
    wants: input.wants,
    sources,
    rules,
    notes: notes.slice(0, 16),
    madeAt: input.at.toISOString(),
  };
}
