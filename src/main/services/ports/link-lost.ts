// Kept apart from the scanner so that the scan the CLI starts on its first line (head-start.ts) loads no error
// catalogue (the whole English catalogue, ~45 ms of module loading before the first connect).
import { AppFailure } from '../../../shared/ipc/errors';
import type { ScanReport } from './scan-report';

/** A scan that lost its link ends in plain words (NETWORK_LOST), never in a report that calls open ports filtered. */
export function failOnLinkLost(report: ScanReport): ScanReport {
  if (report.linkLost) throw new AppFailure('NETWORK_LOST');
  return report;
}
