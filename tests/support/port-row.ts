import type { PortRow } from '../../src/shared/domain/ports';

/** One open port of a Ports measurement, as the forward plan reads it: a role, the rest plain unless `over` says. */
export const portRow = (port: number, role: PortRow['role'], over: Partial<PortRow> = {}): PortRow => ({
  port,
  transport: 'tcp',
  state: 'open',
  service: 'unknown',
  product: null,
  vendor: null,
  role,
  purpose: '',
  neededOutside: 'no',
  risk: { level: 'low', reasons: [] },
  recommendation: '',
  declaredBy: ['catalogue'],
  isDefault: true,
  plainText: false,
  adminUi: false,
  authRequired: null,
  evidence: [],
  ...over,
});
