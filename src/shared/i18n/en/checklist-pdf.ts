// The checklistPdf group of the English catalogue (see ./index.ts): the checklist PDF's own words (its headings,
// labels, legend and the lines that frame main's data). What the checklist carries (steps, reasons, findings,
// verdicts, addresses, the picture's boxes and sentences, the status words) is main's and comes as it is: the
// checklist is a file format (nvr-assist.checklist). A code the checklist holds (a risk, a severity, an address
// kind) is worded here, its English word the code itself.
export const checklistPdf = {
  title: 'NVR remote access — checklist',
  made: 'Made {madeAt} by NVR Remote-Access Assistant {version} · setup last changed {changed} · checklist format {format} v{schemaVersion}',
  unknown: 'unknown',
  none: 'none',
  anywhere: 'anywhere',

  nvr: {
    heading: 'The NVR',
    none: 'No NVR chosen yet (Find step).',
    name: 'Name: {name}',
    brandModel: 'Brand and model: {brandModel}',
    firmware: 'Firmware: {firmware}',
    mac: 'MAC: {mac}',
    address: 'Address: {address} ({kind}) — {basis}',
    addressKind: { static: 'static', reserved: 'reserved', dhcp: 'dhcp', unknown: 'unknown' },
  },

  steps: {
    heading: 'Steps',
    step: '{title}: {status}',
    stepVerified: '{title}: {status} (verified {time})',
  },

  security: {
    heading: 'Security score',
    none: 'Not checked yet (Security step).',
    score: '{score} / 100 (Security check of {time}).',
    scoreHighRisk: '{score} / 100 (Security check of {time}) — high risk: a critical or high finding is open.',
    fixesLabel: 'The fixes, the one worth most first:',
    nothingToFix: 'Nothing to fix.',
    fix: { one: '{n}. +{count} point: {title} ({severity})', other: '{n}. +{count} points: {title} ({severity})' },
    severity: {
      critical: 'critical',
      high: 'high',
      medium: 'medium',
      low: 'low',
      unknown: 'unknown',
      info: 'info',
    },
  },

  picture: {
    heading: 'How your NVR is reached',
    legend:
      'Colour shows the risk (green low, amber medium, red high); every box and port also says it in words. Dashed: a UPnP mapping a device opened, or the VPN.',
    arrow: '{port} → {to} · {risk}',
    risk: { none: 'none risk', low: 'low risk', medium: 'medium risk', high: 'high risk' },
  },

  ports: {
    heading: 'Ports of the NVR',
    none: 'Not measured yet (Ports step).',
    measured: 'Measured {time} at {address}. Open now:',
    open: '{port}/tcp  {service} — risk {risk}',
    openRole: '{port}/tcp  {service} ({role}) — risk {risk}',
    lastChange: 'Last change {time}: {outcome}. {message}',
    outcome: { verified: 'verified', partial: 'partial', restored: 'restored', failed: 'failed' },
    change: '{role}: {from} → {to} (verified)',
    changeUnverified: '{role}: {from} → {to} (not verified)',
  },

  rules: {
    heading: 'Forward rules in the router',
    none: 'No plan yet (Router rules step).',
    plan: 'Plan of {time}:',
    rule: '{name}: {protocol} {external} → {address}:{internal} from {sources} — {why}',
    noRule: 'No rule: nothing to forward.',
  },

  upnp: {
    heading: 'UPnP',
    none: 'Not checked yet (UPnP step).',
    checked: 'Checked {time}: UPnP IGD {igd}, NAT-PMP {natPmp}; {mappings}; {deleted} deleted by the app.',
    answers: 'answers',
    silent: 'does not answer',
    mappings: { one: '{count} mapping', other: '{count} mappings' },
    recheck: 'Re-check {time}: {outcome}',
  },

  ddns: {
    heading: 'DDNS name',
    none: 'No DDNS name yet (DDNS step).',
    name: '{host} ({provider}): {address} — last answer {outcome}',
    nameUpdated: '{host} ({provider}): {address}, updated {time} — last answer {outcome}',
    noAddress: 'no address taken yet',
    check: 'Check {time}: {verdict} — {words}',
    phone: 'The test from your phone',
  },

  internet: {
    heading: 'Public address and the test from outside',
    noPublic: 'The public address was not checked yet (Internet step).',
    publicAddress: 'Public address {address} (checked {time}): {title} {advice}',
    noProof: 'No test from outside yet.',
    proof: 'Test from outside {time}: {title} {advice}',
    row: '{protocol} {port} {label} ({kind}): {verdict}',
    kind: { planned: 'planned', forbidden: 'forbidden' },
  },

  vpn: {
    heading: 'VPN',
    none: 'No VPN plan yet (VPN step).',
    plan: 'Plan of {time}: {server}{tunnel}{endpoint}.',
    tunnel: ', tunnel {tunnel}',
    endpoint: ', the devices dial {endpoint}',
    forward: 'The router forwards {protocol} {port} to {to}.',
    serverKey: 'Server public key: {key}',
    peer: '{name} ({address}): public key {key}',
  },

  todo: {
    heading: 'Still to do',
    none: 'Nothing: every step is verified.',
  },
} as const;
