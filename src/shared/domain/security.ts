// The Security step's findings from what the setup record already holds: the NVR's firmware against the table of
// known critical vulnerabilities, the risky services and HTTPS from the Ports measurement, UPnP from its audit, the
// exposure planned (Router rules) and proven (Internet), and whether a VPN is planned. Each finding says what it
// means, what to do and what fixing it is worth; the score is 100 less what the open findings are worth, and the
// fixes are ordered by it. What was not measured is said as unknown and costs points: it is never "safe". Pure.
//
// The rules live beside this file by concern (security-model.ts: the shapes and the record's facts;
// security-findings.ts: the rules; security-score.ts: order and score); this file is the check and the one place
// they are imported from.
import { exposureFindings, firmwareFindings, portFindings, upnpFindings, vpnFindings } from './security-findings';
import { defaultPasswordFinding } from './security-defaults-verdict';
import type { SecurityInput, SecurityResult } from './security-model';
import { tlsFindings } from './security-tls';
import { orderFindings, securityScore } from './security-score';

export {
  SECURITY_SEVERITIES,
  securityFindingSchema,
  securityInputFromRecord,
  securityResultSchema,
  type SecurityFinding,
  type SecurityInput,
  type SecurityResult,
  type SecuritySeverity,
} from './security-model';
export { orderFindings, securityScore } from './security-score';

/** The whole check: findings, score and the firmware table's answers. */
export function judgeSecurity(input: SecurityInput, checkedAt: string): SecurityResult {
  const fw = firmwareFindings(input);
  const affected = fw.firmware.some((f) => f.status === 'affected');
  const findings = orderFindings([
    ...fw.findings,
    ...portFindings(input),
    ...tlsFindings(input, new Date(checkedAt)),
    ...upnpFindings(input),
    ...exposureFindings(input, affected),
    ...vpnFindings(input),
    ...defaultPasswordFinding(input.defaults ?? null),
  ]).slice(0, 64);
  return {
    checkedAt,
    score: securityScore(findings),
    highRisk: findings.some((f) => f.severity === 'critical' || f.severity === 'high'),
    findings,
    firmware: fw.firmware,
  };
}
