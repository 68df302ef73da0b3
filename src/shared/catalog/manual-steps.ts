// The numbered steps for a port ONVIF cannot move, by brand, each with the documents it rests on (and how sure
// they are). Brand facts, like the port catalogue beside it: pure data and pure functions. The steps are said by key
// (`ports.said.manual`, src/shared/i18n/en/said/ports-manual.ts) with main's English sentence beside each, so this
// file is main's (it loads the whole English catalogue): the contract's shapes take the source's shape from
// manual-step-source.ts. Menu paths and the device's own setting names are passed as values, as the device shows them;
// the sources' titles and what they support stay English (evidence).
import { english } from '../i18n/english';
import { said, saidWords, type Said, type SaidWords } from '../i18n/said';
import { manualStepSourceSchema, type ManualStepSource } from './manual-step-source';
import type { BrandPorts, PortRole } from './ports';
import { VENDOR_APP_ROLES } from './port-proposal';

export { manualStepSourceSchema, type ManualStepSource };

/** A setting's name: the device's own label (a value, as it is) or, where it holds words of ours, said by key. */
type Field = string | SaidWords;

/** What a port's setting is called on the page where the user changes it (by brand, then the usual names). */
const FIELD_NAMES: Readonly<Record<string, Partial<Record<PortRole, Field>>>> = {
  hikvision: { sdk: saidWords('ports.said.manual.field.hikvisionSdk') },
  dahua: { sdk: saidWords('ports.said.manual.field.dahuaSdk') },
  reolink: { media: 'Media Port', sdk: 'Media Port' },
  swann: { mobile: saidWords('ports.said.manual.field.swannApp'), sdk: saidWords('ports.said.manual.field.swannApp') },
};
const USUAL_FIELD_NAMES: Partial<Record<PortRole, Field>> = {
  http: 'HTTP Port',
  https: 'HTTPS Port',
  rtsp: 'RTSP Port',
  onvif: 'ONVIF Port',
  sdk: saidWords('ports.said.manual.field.sdk'),
  media: 'Media Port',
  mobile: saidWords('ports.said.manual.field.mobile'),
};

/** The app's own name for a port, as the Ports table shows it (`ports.role`). */
const roleWords = (role: PortRole): SaidWords => ({ key: `ports.role.${role}` });

function fieldName(brandId: string | null, role: PortRole): Field {
  return (
    (brandId ? FIELD_NAMES[brandId]?.[role] : undefined) ??
    USUAL_FIELD_NAMES[role] ?? { key: 'ports.said.manual.field.role', params: { role: roleWords(role) } }
  );
}

/** The ports the vendor's own apps connect to: they learn the number from the device, so it stays the same outside. */
const APP_ROLES: readonly PortRole[] = VENDOR_APP_ROLES;

// Where the brand steps come from. Searched in stored copies of vendor manuals, support pages and partner docs
// (Nov 2026); each step says only what these back, and says so where a path is unconfirmed.
const SRC = {
  dahuaNvrManual: {
    title: 'Dahua Network Video Recorder User’s Manual V2.7.0 (NVR4208-8P), p. 274, Network › UPnP (manual mirror)',
    url: 'http://88.208.23.73:8080/en/manual/dahua/nvr4208-8p/nvr4208-8p_user-manual_500128-274.html',
    confidence: 'H',
    supports:
      '“For the TCP and UDP, please make sure the internal port and external port are the same”; the Network ' +
      'settings hold UPnP, whose default port list is the HTTP, TCP and UDP ports of the NVR',
  },
  hikThirdPartyPath: {
    title: 'Hikvision installer guide (DVRAID), port forwarding for a Hikvision DVR',
    url: 'https://www.dvraid.com/how-to/hikvision-port-forwarding-guide/',
    confidence: 'L',
    supports:
      'the recorder’s own ports (example 8082, 554, 8000, 443) are set on the device; the menu path ' +
      'Configuration › Network › Basic Settings › Port is only in third-party setup notes, not in a Hikvision document we could read',
  },
  reolinkHaDocs: {
    title: 'Home Assistant Reolink integration docs (the integration is authorised by Reolink)',
    url: 'https://www.home-assistant.io/integrations/reolink/',
    confidence: 'M',
    supports:
      'PC client: Settings › Network › Advanced › Port Settings; phone app: Settings › (camera model box) › ' +
      'Network Information › Advanced; ports there can be switched on and off',
  },
  reolinkRtsp: {
    title: 'Reolink support: “What is RTSP”',
    url: 'https://support.reolink.com/hc/en-us/articles/900000630706-What-is-RTSP',
    confidence: 'H',
    supports:
      'RTSP uses port 554, viewing from outside needs a router forward, and to check that the RTSP port is enabled',
  },
  univiewOem: {
    title:
      'Vicon V840D camera manual, p. 43 (looks like Uniview firmware; that it is a Uniview OEM model is unconfirmed)',
    url: 'http://88.208.23.73:8080/en/manual/vicon/v840d-series/1013122?page=48',
    confidence: 'L',
    supports: '“Click Setup > Network > Port”, enter the HTTPS Port, click Save',
  },
  swannDvr: {
    title: 'Swann DVR4-3000 manual, p. 30',
    url: 'http://38.142.81.21:8001/manual/swann/dvr4-3000/system-information-english/page-30.html',
    confidence: 'H',
    supports:
      'Server Port (default 9000, needed by the phone app and MyDVR) and HTTP Port, listed with DDNS, which the ' +
      'manual files under Network: Advanced',
  },
} as const satisfies Record<string, ManualStepSource>;

interface StepContext {
  /** The setting's name on the device's page. */
  field: Field;
  role: PortRole;
  port: number;
}

interface BrandSteps {
  sources: readonly ManualStepSource[];
  steps: (c: StepContext) => Said[];
}

/** The step that sets the number ("Set the Server Port (the SDK port) to 18000 and save …"). */
const setStep = (c: StepContext, leaveOn = false): Said =>
  said(leaveOn ? 'ports.said.manual.setLeaveOn' : 'ports.said.manual.set', {
    field: c.field,
    port: String(c.port),
    label: roleWords(c.role),
  });

/** Said when the web page itself moves, so the user is not surprised that the old address stops answering. */
const webMoves = (c: StepContext): Said[] =>
  c.role === 'http' || c.role === 'https' ? [said('ports.said.manual.webMoves', { port: String(c.port) })] : [];

const SAME_PORT_ADVICE = said('ports.said.manual.samePort');

const RECHECK = said('ports.said.manual.recheck');

/** The ports the vendor's apps use get the same-port advice and where the apps keep the port. */
const forApps = (c: StepContext, ...steps: Said[]): Said[] => (APP_ROLES.includes(c.role) ? steps : []);

// The menu paths are the device's own words: passed as values, as its page shows them.
const MANUAL_STEPS: Readonly<Record<string, BrandSteps>> = {
  hikvision: {
    sources: [SRC.hikThirdPartyPath],
    steps: (c) => [
      said('ports.said.manual.open.nvr'),
      said('ports.said.manual.where.hikvision', { path: 'Configuration › Network › Basic Settings › Port' }),
      setStep(c),
      ...webMoves(c),
      ...forApps(c, SAME_PORT_ADVICE, said('ports.said.manual.apps.hikvision')),
      RECHECK,
    ],
  },
  dahua: {
    sources: [SRC.dahuaNvrManual],
    steps: (c) => [
      said('ports.said.manual.open.nvr'),
      said('ports.said.manual.where.dahua'),
      setStep(c),
      ...webMoves(c),
      ...forApps(c, said('ports.said.manual.samePortDahua'), said('ports.said.manual.apps.dahua')),
      RECHECK,
    ],
  },
  reolink: {
    sources: [SRC.reolinkHaDocs, SRC.reolinkRtsp],
    steps: (c) => [
      said('ports.said.manual.open.reolink'),
      said('ports.said.manual.where.reolink', {
        path: 'Settings › Network › Advanced › Port Settings',
        appPath: saidWords('ports.said.manual.where.reolinkAppPath', {
          first: 'Settings',
          last: 'Network Information › Advanced',
        }),
      }),
      setStep(c, true),
      ...webMoves(c),
      ...forApps(c, SAME_PORT_ADVICE),
      RECHECK,
    ],
  },
  uniview: {
    sources: [SRC.univiewOem],
    steps: (c) => [
      said('ports.said.manual.open.device'),
      said('ports.said.manual.where.uniview', { path: 'Setup › Network › Port' }),
      setStep(c),
      ...webMoves(c),
      ...forApps(c, SAME_PORT_ADVICE),
      RECHECK,
    ],
  },
  swann: {
    sources: [SRC.swannDvr],
    steps: (c) => [
      said('ports.said.manual.open.swann'),
      said('ports.said.manual.where.swann'),
      setStep(c),
      ...webMoves(c),
      ...forApps(c, said('ports.said.manual.samePortSwann'), said('ports.said.manual.apps.swann')),
      RECHECK,
    ],
  },
};

/** Dahua's same-port rule, quoted from its manual in the brands' rules (ports.ts), said by key for these brands. */
const SAME_PORT_RULE_BRANDS = ['amcrest', 'lorex'] as const;
const DAHUA_QUOTE = /Dahua’s manual: "([^"]+)"/;

/** A brand's same-port rule in the router: by key where the brand's is known, else the rule's own English. */
function samePortRule(brandId: string, text: string): Said {
  const quote = DAHUA_QUOTE.exec(text)?.[1];
  const known = SAME_PORT_RULE_BRANDS.find((b) => b === brandId);
  return known && quote
    ? said(`ports.said.manual.samePortRule.${known}`, { quote })
    : said('ports.said.manual.samePortOther', { rule: text });
}

/**
 * The steps for one port said by key, with where they come from (none for the general steps, which say the menu
 * varies).
 */
export function manualStepsSaid(
  brand: BrandPorts | null,
  role: PortRole,
  port: number,
): { said: Said[]; sources: ManualStepSource[] } {
  const c: StepContext = { field: fieldName(brand?.id ?? null, role), role, port };
  const own = brand ? MANUAL_STEPS[brand.id] : undefined;
  if (own) return { said: own.steps(c), sources: [...own.sources] };
  // A brand rule (e.g. Dahua's same-port rule for Amcrest and Dahua-based Lorex) is said with its own source.
  const rule = brand?.rules.find((r) => r.id === 'internal-equals-external' && r.roles.includes(role));
  const samePort = rule ? samePortRule(brand!.id, rule.text) : APP_ROLES.includes(role) ? SAME_PORT_ADVICE : null;
  return {
    said: [
      said('ports.said.manual.open.device'),
      said('ports.said.manual.where.general'),
      setStep(c),
      ...webMoves(c),
      ...(samePort ? [samePort] : []),
      said('ports.said.manual.apps.general'),
      RECHECK,
    ],
    sources: rule ? [{ title: rule.source, confidence: rule.confidence, supports: 'the same-port rule' }] : [],
  };
}

/** The steps for one port in English and said by key (`said[i]` says `steps[i]`), with where they come from. */
export function manualStepsWithSources(
  brand: BrandPorts | null,
  role: PortRole,
  port: number,
): { steps: string[]; said: Said[]; sources: ManualStepSource[] } {
  const { said: words, sources } = manualStepsSaid(brand, role, port);
  return { steps: words.map(english), said: words, sources };
}

/** The brands with their own, sourced steps (the others get the general steps). */
export const MANUAL_STEP_BRANDS: readonly string[] = Object.keys(MANUAL_STEPS);

export function manualStepsFor(brand: BrandPorts | null, role: PortRole, port: number): string[] {
  return manualStepsWithSources(brand, role, port).steps;
}
