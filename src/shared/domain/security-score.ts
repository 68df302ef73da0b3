// The Security check's order and score: the fixes first by what each is worth, and 100 less what the open findings
// are worth. Pure.
import { SECURITY_SEVERITIES, type SecurityFinding, type SecuritySeverity } from './security-model';

const RANK: Readonly<Record<SecuritySeverity, number>> = Object.fromEntries(
  SECURITY_SEVERITIES.map((s, i) => [s, i]),
) as Record<SecuritySeverity, number>;

/** The fixes first by what each is worth, then by severity, then by id (a stable order). */
export function orderFindings(findings: readonly SecurityFinding[]): SecurityFinding[] {
  return [...findings].sort(
    (a, b) => b.worth - a.worth || RANK[a.severity] - RANK[b.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** 100 less what every finding is worth, never below 0. */
export function securityScore(findings: readonly SecurityFinding[]): number {
  return Math.max(0, 100 - findings.reduce((sum, f) => sum + f.worth, 0));
}
