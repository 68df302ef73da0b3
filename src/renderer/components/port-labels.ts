import type { NeededOutside, PortRole, RiskLevel } from '../../shared/catalog/ports';
import type { PortPlan, PortRow } from '../../shared/domain/ports';
import { sayPortProblem, sayPortRow, sayPortWhy } from '../../shared/catalog/port-words';
import { t } from '../composables/useT';

// The words of the port tables, in the page's language (src/shared/i18n, `ports.*`): read when shown, so they follow
// a change of language.

/** How each identified service is named in the tables. */
export const serviceLabel = (service: PortRow['service']): string => t(`ports.service.${service}`);

/** "Needed outside?", said plainly. */
export const neededOutsideLabel = (needed: NeededOutside): string => t(`ports.neededOutside.${needed}`);

/** How each risk level is coloured. */
export const RISK_TONE: Record<RiskLevel, 'ok' | 'info' | 'warn' | 'danger'> = {
  none: 'ok',
  low: 'info',
  medium: 'warn',
  high: 'danger',
};

/** How each risk level is said. */
export const riskLabel = (level: RiskLevel): string => t(`ports.risk.${level}`);

/** Who says a port belongs to the NVR. */
export const declaredByLabel = (who: PortRow['declaredBy'][number]): string => t(`ports.declaredBy.${who}`);

export function roleLabel(role: PortRole | null | undefined): string {
  return role ? t(`ports.role.${role}`) : '—';
}

/** A port's purpose, recommendation and risk reasons as main said them, in the page's language. */
export const rowWords = (row: PortRow) => sayPortRow({ t }, row);

/** Why main proposes a port, in the page's language. */
export const whyWords = (item: PortPlan['proposal'][number]): string => sayPortWhy({ t }, item);

/** A problem main found in the plan, in the page's language. */
export const problemWords = (problem: PortPlan['problems'][number]): string => sayPortProblem({ t }, problem);

/** "80, 443 and 554". */
export function listPorts(ports: readonly number[]): string {
  const items = ports.map(String);
  if (items.length <= 1) return items.join('');
  return t('ports.list.last', { ports: items.slice(0, -1).join(t('ports.list.separator')), last: items.at(-1)! });
}
