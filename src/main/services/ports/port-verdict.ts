// The Ports step's status after a change: verified only by measurement, and only with no factory port left on
// the web or video services. Pure.
import { portsForBrand, type PortRole } from '../../../shared/catalog/ports';
import { roleWords } from '../../../shared/catalog/port-words';
import { english } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';
import { ONVIF_ROLES, PROTOCOL_OF_ROLE, type PortApplyResult, type PortReport } from '../../../shared/domain/ports';
import type { NetworkProtocol } from '../../protocol/onvif-soap';
import { clip, isDefaultPort } from './port-judgement';

/**
 * The Ports step's status after a change: verified only when the change was verified by measurement and no
 * HTTP/HTTPS/RTSP port is left on a factory number (in the last report, as moved by the change). The factory ports
 * left are said by key too (`said`; the step's status keeps the English `reason`).
 */
export function portsStepVerdict(
  report: PortReport | null,
  change: PortApplyResult,
  brandName: string | null,
  /** The device's own list after the change (ONVIF), when known: it covers ports the report may not. */
  after: readonly NetworkProtocol[] | null = null,
): { verified: boolean; reason: string; said?: Said } {
  if (change.outcome !== 'verified') return { verified: false, reason: clip(change.message, 500) };
  const brand = portsForBrand(brandName);
  const moved = new Map<PortRole, number>(change.changes.map((c) => [c.role, c.to]));
  const now = new Map<PortRole, number>();
  for (const r of report?.rows ?? [])
    if (r.state === 'open' && (r.role === 'http' || r.role === 'https' || r.role === 'rtsp') && !now.has(r.role))
      now.set(r.role, r.port);
  for (const p of after ?? []) {
    const role = ONVIF_ROLES.find((r) => PROTOCOL_OF_ROLE[r] === p.name)!;
    if (p.enabled && p.ports[0] !== undefined) now.set(role, p.ports[0]);
    else now.delete(role);
  }
  for (const [role, port] of moved) now.set(role, port);
  const left = [...now].filter(([role, port]) => isDefaultPort(role, port, brand));
  const [first, second, third] = left.map(([role, port]) => ({ role: roleWords(role), port: String(port) }));
  if (first) {
    // At most three: the web page, its encrypted one and the video streams (one sentence for each count).
    const words = third
      ? said('ports.said.verdict.factoryPortsLeftThree', {
          ...first,
          role2: second!.role,
          port2: second!.port,
          role3: third.role,
          port3: third.port,
        })
      : second
        ? said('ports.said.verdict.factoryPortsLeftTwo', { ...first, role2: second.role, port2: second.port })
        : said('ports.said.verdict.factoryPortLeft', first);
    return { verified: false, reason: clip(english(words), 500), said: words };
  }
  return { verified: true, reason: '' };
}
