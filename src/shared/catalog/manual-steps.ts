// The numbered steps for a port ONVIF cannot move, by brand, each with the documents it rests on (and how sure
// they are). Brand facts, like the port catalogue beside it: pure data and pure functions, so the main process
// builds the plan from them and the renderer may show them.
import { z } from 'zod';
import { confidenceSchema, ROLE_LABELS, type BrandPorts, type PortRole } from './ports';
import { VENDOR_APP_ROLES } from './port-proposal';

/** Where a brand's manual port steps come from: H = the vendor's own document, M = an OEM/partner one, L = other. */
export const manualStepSourceSchema = z.object({
  /** What the source is, in plain words (e.g. "Dahua NVR user's manual V2.7.0, p. 274"). */
  title: z.string().min(1).max(200),
  url: z.string().url().max(300).optional(),
  confidence: confidenceSchema,
  /** Which part of the steps it backs (the menu path, the same-port rule, …). */
  supports: z.string().min(1).max(300),
});
export type ManualStepSource = z.infer<typeof manualStepSourceSchema>;

/** What a port's setting is called on the page where the user changes it (by brand, then the usual names). */
const FIELD_NAMES: Readonly<Record<string, Partial<Record<PortRole, string>>>> = {
  hikvision: { sdk: 'Server Port (the SDK port)' },
  dahua: { sdk: 'TCP Port (the SDK port)' },
  reolink: { media: 'Media Port', sdk: 'Media Port' },
  swann: { mobile: 'Server Port (the phone-app port)', sdk: 'Server Port (the phone-app port)' },
};
const USUAL_FIELD_NAMES: Partial<Record<PortRole, string>> = {
  http: 'HTTP Port',
  https: 'HTTPS Port',
  rtsp: 'RTSP Port',
  onvif: 'ONVIF Port',
  sdk: 'SDK port (the one the vendor’s apps use)',
  media: 'Media Port',
  mobile: 'Mobile (phone-app) Port',
};

function fieldName(brandId: string | null, role: PortRole): string {
  return (brandId ? FIELD_NAMES[brandId]?.[role] : undefined) ?? USUAL_FIELD_NAMES[role] ?? `${ROLE_LABELS[role]} port`;
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
  field: string;
  /** The app's own name for the port, as the Ports table shows it. */
  label: string;
  role: PortRole;
  port: number;
}

interface BrandSteps {
  sources: readonly ManualStepSource[];
  steps: (c: StepContext) => string[];
}

const setStep = (c: StepContext, after = ''): string =>
  `Set the ${c.field} to ${c.port} and save (it is the “${c.label}” row in our table).${after}`;

/** Said when the web page itself moves, so the user is not surprised that the old address stops answering. */
const webMoves = (c: StepContext): string[] =>
  c.role === 'http' || c.role === 'https'
    ? [`The page then answers on port ${c.port}: open it again at that port (for example http://address:${c.port}).`]
    : [];

const SAME_PORT_ADVICE =
  'In the router, forward the same number outside as inside (internal = external). We recommend it because the ' +
  'vendor’s apps learn the port from the device.';

const RECHECK = 'Come back here and measure the ports again to check the change.';

const MANUAL_STEPS: Readonly<Record<string, BrandSteps>> = {
  hikvision: {
    sources: [SRC.hikThirdPartyPath],
    steps: (c) => [
      'Open the NVR’s web page in a browser and log in as the admin user.',
      'Go to Configuration › Network › Basic Settings › Port. Third-party guides give this path for current web pages; ' +
        'we found no Hikvision document confirming it for every firmware, so if your page differs, look for a Port page under Network.',
      setStep(c),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role)
        ? [
            SAME_PORT_ADVICE,
            'If iVMS-4200 or Hik-Connect reach the NVR by its address, edit the saved device and enter the new port.',
          ]
        : []),
      RECHECK,
    ],
  },
  dahua: {
    sources: [SRC.dahuaNvrManual],
    steps: (c) => [
      'Open the NVR’s web page in a browser and log in as the admin user.',
      'Open the Network settings and find the page that lists the TCP Port and UDP Port. Dahua’s manual puts port ' +
        'mapping (UPnP, with the HTTP, TCP and UDP ports) under Network; we found no Dahua document naming the page for every firmware.',
      setStep(c),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role)
        ? [
            'In the router, forward the same number outside as inside (internal = external): Dahua’s manual requires ' +
              'the internal and external port to be the same for the TCP and UDP ports.',
            'If DMSS or SmartPSS reach the NVR by its address, enter the new port there too.',
          ]
        : []),
      RECHECK,
    ],
  },
  reolink: {
    sources: [SRC.reolinkHaDocs, SRC.reolinkRtsp],
    steps: (c) => [
      'Open the Reolink Client on a computer (or the recorder’s web page) and log in as the admin user.',
      'Go to Settings › Network › Advanced › Port Settings. In the Reolink phone app it is Settings › (the box with ' +
        'the camera model) › Network Information › Advanced.',
      setStep(c, ' Ports on that page can be switched off: leave this one switched on.'),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role) ? [SAME_PORT_ADVICE] : []),
      RECHECK,
    ],
  },
  uniview: {
    sources: [SRC.univiewOem],
    steps: (c) => [
      'Open the device’s web page in a browser and log in as the admin user.',
      'Click Setup › Network › Port. That is the path a Vicon camera manual gives for what looks like Uniview ' +
        'firmware; Uniview recorders and other firmware may name it differently.',
      setStep(c),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role) ? [SAME_PORT_ADVICE] : []),
      RECHECK,
    ],
  },
  swann: {
    sources: [SRC.swannDvr],
    steps: (c) => [
      'On the recorder’s own screen menu, log in as the admin user.',
      'Open the Network settings, then Advanced: the DVR4-3000 manual describes the Server Port and HTTP Port next to ' +
        'DDNS, NTP, Email Settings and IP Filter, which it files under Network: Advanced. Other Swann models may differ.',
      setStep(c),
      ...webMoves(c),
      ...(APP_ROLES.includes(c.role)
        ? [
            'In the router, forward the same number outside as inside (internal = external), so the number you type ' +
              'in the apps is the recorder’s own.',
            'The SwannView app and MyDVR ask for the Server Port when they connect from outside: enter the new number there.',
          ]
        : []),
      RECHECK,
    ],
  },
};

/** The steps for one port, with where they come from (none for the general steps, which say the menu varies). */
export function manualStepsWithSources(
  brand: BrandPorts | null,
  role: PortRole,
  port: number,
): { steps: string[]; sources: ManualStepSource[] } {
  const c: StepContext = { field: fieldName(brand?.id ?? null, role), label: ROLE_LABELS[role], role, port };
  const own = brand ? MANUAL_STEPS[brand.id] : undefined;
  if (own) return { steps: own.steps(c), sources: [...own.sources] };
  // A brand rule (e.g. Dahua's same-port rule for Amcrest and Dahua-based Lorex) is said with its own source.
  const rule = brand?.rules.find((r) => r.id === 'internal-equals-external' && r.roles.includes(role));
  const samePort = rule ? `In the router: ${rule.text}` : APP_ROLES.includes(role) ? SAME_PORT_ADVICE : null;
  return {
    steps: [
      'Open the device’s web page in a browser and log in as the admin user.',
      'Find its port settings: look under Network (or Advanced) for a Port page. The menu varies between makers and ' +
        'firmware, and we do not know the exact menu for this model; its manual names it.',
      setStep(c),
      ...webMoves(c),
      ...(samePort ? [samePort] : []),
      'If the vendor’s app or PC software connects through this port, enter the new port there too.',
      RECHECK,
    ],
    sources: rule ? [{ title: rule.source, confidence: rule.confidence, supports: 'the same-port rule' }] : [],
  };
}

/** The brands with their own, sourced steps (the others get the general steps). */
export const MANUAL_STEP_BRANDS: readonly string[] = Object.keys(MANUAL_STEPS);

export function manualStepsFor(brand: BrandPorts | null, role: PortRole, port: number): string[] {
  return manualStepsWithSources(brand, role, port).steps;
}
