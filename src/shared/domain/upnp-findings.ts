// The UPnP step's findings in plain words (judgeUpnp): said by the catalogue's key (upnp.findings), with main's English
// sentence beside them. Main-side only: it loads the whole English catalogue (i18n/english.ts), so it is its own file,
// away from the shapes the pages load with the contract (upnp.ts). The evidence lines (a mapping as the router lists
// it, the URL and service the router answered with) are protocol facts and stay English.
import { saidInEnglish } from '../i18n/english';
import { said, saidSchema, type Said } from '../i18n/said';
import { mappingsBack, type UpnpFinding, type UpnpMeasurement } from './upnp';
import { describeMapping } from './upnp-attribution';

/**
 * The words and their English sentence, to spread into a finding; the English sentence alone where a value is longer
 * than the contract carries in `said` (many long device names, a long URL in main's note): the finding must still
 * cross, and the page and the CLI show the English then.
 */
function say(words: Said): { said?: Said; text: string } {
  const both = saidInEnglish(words);
  return saidSchema.safeParse(words).success ? both : { text: both.text };
}

/**
 * The findings, most urgent first: mappings that open a camera or the NVR to the internet (a problem: UPnP on an
 * NVR is how most get exposed), UPnP and NAT-PMP on at all (a warning: any device on the LAN can open a port),
 * a list read only in part, other devices' mappings (information), routers answering from elsewhere; or, with
 * neither UPnP nor NAT-PMP answering at the gateway, that both are off.
 */
export function judgeUpnp(m: UpnpMeasurement): UpnpFinding[] {
  const out: UpnpFinding[] = [];
  if (!m.gateway)
    return [
      {
        code: 'no-gateway',
        severity: 'warning',
        ...say(said('upnp.findings.noGateway')),
        evidence: [],
      },
    ];
  const cameras = m.mappings.filter((x) => x.camera);
  if (cameras.length) {
    const names = [...new Set(cameras.map((x) => x.device?.name ?? x.internalClient))];
    out.push({
      code: 'camera-mapped',
      severity: 'problem',
      ...say(
        cameras.length === 1
          ? said('upnp.findings.cameraMappedOne', { names: names.join(', ') })
          : said('upnp.findings.cameraMapped', { count: cameras.length, names: names.join(', ') }),
      ),
      evidence: cameras.slice(0, 16).map(describeMapping),
    });
  }
  const back = mappingsBack(m.mappings, m.deletedBefore ?? []);
  if (back.length) {
    const who = [...new Set(back.map((x) => x.device?.name ?? x.internalClient))];
    out.push({
      code: 'came-back',
      severity: 'problem',
      ...say(
        back.length === 1
          ? said('upnp.findings.cameBackOne', { who: who.join(', ') })
          : said('upnp.findings.cameBack', { count: back.length, who: who.join(', ') }),
      ),
      evidence: back.slice(0, 16).map(describeMapping),
    });
  }
  if (m.igd) {
    out.push({
      code: 'upnp-on',
      severity: 'warning',
      ...say(
        m.igd.friendlyName
          ? said('upnp.findings.upnpOnNamed', { gateway: m.gateway, name: m.igd.friendlyName })
          : said('upnp.findings.upnpOn', { gateway: m.gateway }),
      ),
      evidence: [m.igd.location, `${m.igd.serviceType.replace('urn:schemas-upnp-org:service:', '')}`].concat(
        m.igd.externalAddress ? [`external address ${m.igd.externalAddress}`] : [],
      ),
    });
  } else if (m.igdProblem) {
    out.push({
      code: 'igd-unreadable',
      severity: 'warning',
      // Said whole where the service said why by key; else the problem is main's own sentence, passed as it came.
      ...say(m.igdProblemSaid ?? said('upnp.findings.igdUnreadable', { problem: m.igdProblem })),
      evidence: [],
    });
  }
  if (m.natPmp.present)
    out.push({
      code: 'natpmp-on',
      severity: 'warning',
      ...say(said('upnp.findings.natPmpOn')),
      evidence: [
        `UDP ${m.gateway}:5351 answered${m.natPmp.externalAddress ? ` (external address ${m.natPmp.externalAddress})` : ''}${m.natPmp.pcp ? '; PCP answers there too' : ''}`,
      ],
    });
  if (m.igd && m.listEnd !== 'complete')
    out.push({
      code: 'list-incomplete',
      severity: 'warning',
      ...say(
        m.listNote
          ? said('upnp.findings.listIncompleteNote', { note: m.listNote })
          : said('upnp.findings.listIncomplete'),
      ),
      evidence: [],
    });
  const others = m.mappings.filter((x) => !x.camera);
  if (others.length)
    out.push({
      code: 'other-mapped',
      severity: 'info',
      ...say(said('upnp.findings.otherMapped', { count: others.length })),
      evidence: others.slice(0, 16).map(describeMapping),
    });
  if (m.igd && m.listEnd === 'complete' && m.mappings.length === 0)
    out.push({
      code: 'no-mappings',
      severity: 'ok',
      ...say(said('upnp.findings.noMappings')),
      evidence: [],
    });
  // The all-clear only from a search that ran to its end: a cancelled one proves nothing.
  if (!m.igd && !m.igdProblem && !m.natPmp.present && m.listEnd !== 'cancelled')
    out.push({
      code: 'upnp-off',
      severity: 'ok',
      ...say(said('upnp.findings.upnpOff', { gateway: m.gateway })),
      evidence: [],
    });
  // The router's own answer with a LOCATION off its address is igd-unreadable's; only other hosts count here.
  const senders = new Set(m.elsewhere.filter((e) => e.from !== m.gateway).map((e) => e.from)).size;
  if (senders)
    out.push({
      code: 'igd-elsewhere',
      severity: 'warning',
      ...say(
        senders === 1 ? said('upnp.findings.igdElsewhereOne') : said('upnp.findings.igdElsewhere', { count: senders }),
      ),
      evidence: m.elsewhere.slice(0, 16).map((e) => `${e.from}: ${e.location}`.slice(0, 300)),
    });
  return out.slice(0, 16);
}
