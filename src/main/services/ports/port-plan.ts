// The Ports step's plan: proposed (or edited) non-standard ports, their problems in plain words, what the app
// applies itself through ONVIF and the numbered vendor steps for the rest. Pure: the report and the other devices'
// ports come in as arguments.
import { manualStepsWithSources } from '../../../shared/catalog/manual-steps';
import { ROLE_LABELS, type PortRole } from '../../../shared/catalog/ports';
import { roleWords } from '../../../shared/catalog/port-words';
import { english, saidInEnglish } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';
import {
  proposePorts,
  RTSP_TRANSPORT_ADVICE,
  seededRandom,
  validateProposal,
  type EditedPort,
  type PortAssignment,
  type ProposedPort,
  type UsedPort,
  type ValidationContext,
} from '../../../shared/catalog/port-proposal';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import {
  ONVIF_ROLES,
  PROTOCOL_OF_ROLE,
  type OnvifRole,
  type PortPlan,
  type PortProblem,
  type PortReport,
} from '../../../shared/domain/ports';
import type { SetupRecord } from '../../../shared/domain/setup';
import { checkChange, type ChangeCheck } from './change-gate';
import { clip, effectiveBrand } from './port-judgement';

/** A problem as a plan carries it: its message bounded, with its words by key where main said them so. */
function planProblem(p: PortProblem): PortProblem {
  const { code, severity, role, port, message } = p;
  return { code, severity, role, port, message: clip(message, 500), ...(p.said ? { said: p.said } : {}) };
}

/** A message said by key, as a problem carries it: `message` and `said`. */
const renamed = ({ said: words, text }: { said: Said; text: string }) => ({ message: text, said: words });

/** Roles a plan may move (the device's own services; LAN-only protocols and hidden services are not "moved"). */
const PLANNED_ROLES: readonly PortRole[] = ['http', 'https', 'rtsp', 'rtsps', 'onvif', 'sdk', 'media', 'mobile'];

export type PortEdits = Partial<Record<'http' | 'https' | 'rtsp' | 'sdk' | 'media' | 'onvif', number>>;

/** The ports a plan starts from: the open rows with a movable role, plus ONVIF where it shares the web port. */
export function currentAssignments(device: DiscoveredDevice, report: PortReport): PortAssignment[] {
  const out: PortAssignment[] = [];
  const add = (role: PortRole, port: number) => {
    if (!out.some((a) => a.role === role)) out.push({ role, transport: 'tcp', port });
  };
  for (const r of report.rows) if (r.state === 'open' && r.role && PLANNED_ROLES.includes(r.role)) add(r.role, r.port);
  let onvifPort: number | null = null;
  try {
    if (device.onvifUrl) onvifPort = Number(new URL(device.onvifUrl).port || 80);
  } catch {
    onvifPort = null;
  }
  if (onvifPort !== null && report.rows.some((r) => r.port === onvifPort && r.state === 'open'))
    add('onvif', onvifPort);
  return out.slice(0, 32);
}

/**
 * The ports the app knows other devices on this network use or are planned to use: each device's declared ports,
 * the open ports of its last measurement, and the new ports of its saved plan. A router forwards an outside port
 * to one device only, so the plan for this device keeps clear of them.
 */
export function portsUsedElsewhere(record: Pick<SetupRecord, 'devices' | 'ports'>, deviceId: string): UsedPort[] {
  const out: UsedPort[] = [];
  const add = (port: number, transport: 'tcp' | 'udp', where: string) => {
    if (!Number.isInteger(port) || port < 1 || port > 65535 || out.length >= 1024) return;
    if (!out.some((u) => u.port === port && u.transport === transport)) out.push({ port, transport, where });
  };
  for (const d of record.devices) {
    if (d.id === deviceId) continue;
    const name = `${[d.brand, d.model].filter(Boolean).join(' ') || 'another device'} (${d.addresses[0] ?? d.id})`;
    for (const port of Object.values(d.ports)) if (typeof port === 'number') add(port, 'tcp', name);
    const entry = record.ports[d.id];
    for (const r of entry?.report?.rows ?? []) if (r.state === 'open') add(r.port, 'tcp', name);
    for (const p of entry?.plan?.proposal ?? []) {
      add(p.internal, p.transport, `${name}, planned`);
      add(p.external, p.transport, `${name}, planned`);
    }
  }
  return out;
}

/** What the plan's rules judge ports against: the brand, the device's ports now, the ports taken on it and elsewhere. */
export interface PlanContext extends ValidationContext {
  brand: string | null;
  current: PortAssignment[];
  inUseOnDevice: UsedPort[];
  inUseElsewhere: UsedPort[];
}

/** The plan's context from the last measurement (none yet: only what the device declared). */
export function planContext(
  device: DiscoveredDevice,
  report: PortReport | null,
  inUseElsewhere: readonly UsedPort[] = [],
): PlanContext {
  const open = report?.rows.filter((r) => r.state === 'open') ?? [];
  return {
    brand: effectiveBrand(device, open)?.name ?? null,
    current: report ? currentAssignments(device, report) : [],
    inUseOnDevice: open.map((r) => ({
      port: r.port,
      transport: 'tcp' as const,
      where: r.role ? ROLE_LABELS[r.role] : `port ${r.port}`,
    })),
    inUseElsewhere: [...inUseElsewhere],
  };
}

export function buildPortPlan(
  device: DiscoveredDevice,
  report: PortReport,
  edits: PortEdits = {},
  /** Ports other known devices use or are planned to use (see portsUsedElsewhere). */
  inUseElsewhere: readonly UsedPort[] = [],
): PortPlan {
  const brand = effectiveBrand(
    device,
    report.rows.filter((r) => r.state === 'open'),
  );
  const context = planContext(device, report, inUseElsewhere);
  const proposed = proposePorts(context, seededRandom(device.id));
  const problems: PortPlan['problems'] = [];
  const proposal: ProposedPort[] = proposed.map((p) => {
    const edit = edits[p.role as keyof PortEdits];
    if (edit === undefined || edit === p.internal) return p;
    const why =
      edit === p.current
        ? said('ports.said.why.youKeep', { role: roleWords(p.role), port: String(p.current) })
        : said('ports.said.why.youMove', { role: roleWords(p.role), from: String(p.current), to: String(edit) });
    return { ...p, internal: edit, external: edit, why: english(why), whySaid: [why] };
  });
  // ONVIF on the web port moves with it: an edit of one applies to both.
  const web = proposal.find((p) => p.role === 'http');
  const onvif = proposal.find((p) => p.role === 'onvif');
  if (web && onvif && onvif.current === web.current && edits.onvif === undefined) {
    onvif.internal = web.internal;
    onvif.external = web.internal;
  }
  for (const [role, port] of Object.entries(edits) as Array<[PortRole, number]>) {
    if (!proposal.some((p) => p.role === role))
      problems.push({
        code: 'not-on-device',
        severity: 'error',
        role,
        port,
        ...renamed(saidInEnglish(said('ports.said.problem.notOnDevice', { role: roleWords(role) }))),
      });
  }
  const edited: EditedPort[] = proposal.map((p) => ({
    role: p.role,
    transport: p.transport,
    internal: p.internal,
    external: p.external,
  }));
  for (const problem of validateProposal(edited, context)) problems.push(planProblem(problem));

  const onvifMoves = report.onvifProtocols
    ? ONVIF_ROLES.filter((r) => report.onvifProtocols!.some((p) => p.name === PROTOCOL_OF_ROLE[r]))
    : device.onvifUrl
      ? [...ONVIF_ROLES]
      : [];
  const applyViaOnvif = proposal.filter((p) => (onvifMoves as PortRole[]).includes(p.role)).map((p) => p.role);
  const onvifShared = onvif && web && onvif.current === web.current;
  const manualSteps = proposal
    .filter(
      (p) => !applyViaOnvif.includes(p.role) && !(p.role === 'onvif' && onvifShared && applyViaOnvif.includes('http')),
    )
    .map((p) => {
      const { steps, said, sources } = manualStepsWithSources(brand, p.role, p.internal);
      return {
        role: p.role,
        steps: steps.map((s) => clip(s, 400)).slice(0, 12),
        said: said.slice(0, 12),
        sources: sources.slice(0, 6),
      };
    })
    .slice(0, 8);

  return {
    deviceId: device.id,
    proposal: proposal.slice(0, 32),
    problems: problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)).slice(0, 64),
    applyViaOnvif,
    manualSteps,
    rtspAdvice: RTSP_TRANSPORT_ADVICE.text,
    rtspAdviceSaid: RTSP_TRANSPORT_ADVICE.said.text,
  };
}

/** One port change about to be sent: the role, the port it has now and the one asked for. */
export interface PortChange {
  role: OnvifRole;
  from: number;
  to: number;
}

/**
 * The plan's rules (validateProposal, with the plan's context) applied to changes about to be sent, whoever asked
 * for them: the same problems, in the same words, as the plan shows. `onDevice`: the ports the device itself says
 * it uses now (its ONVIF list), which count as taken beside the last measurement's open ports.
 */
export function checkPortChanges(
  device: DiscoveredDevice,
  report: PortReport | null,
  changes: readonly PortChange[],
  options: { inUseElsewhere?: readonly UsedPort[]; onDevice?: readonly UsedPort[] } = {},
): ChangeCheck<PortProblem> {
  const context = planContext(device, report, options.inUseElsewhere);
  const moving = changes.filter((c) => c.from !== c.to);
  // Each moving role is where the device has it now; the other roles stay where the measurement found them.
  const current: PortAssignment[] = [
    ...moving.map((c) => ({ role: c.role, transport: 'tcp' as const, port: c.from })),
    ...context.current.filter((a) => !moving.some((c) => c.role === a.role)),
  ];
  const edited: EditedPort[] = moving.map((c) => ({ role: c.role, transport: 'tcp', internal: c.to }));
  const problems = validateProposal(edited, {
    ...context,
    current,
    inUseOnDevice: [...context.inUseOnDevice, ...(options.onDevice ?? [])],
  }).map(planProblem);
  return checkChange(problems);
}
