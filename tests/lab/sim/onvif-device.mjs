// ONVIF device management (tds) and a minimal media (trt) service with real, persistent state.
import { parseRequest, fault, envelope, dateTimeXml, NS } from './soap.mjs';
import { verifyUsernameToken } from './auth.mjs';
import { child, children, text, esc } from './xml.mjs';
import { isUsableIPv4 } from './netcfg.mjs';
import { log } from './log.mjs';

// ONVIF Core access classes. Everything not listed needs at least READ_SYSTEM.
const PRE_AUTH = new Set(['GetSystemDateAndTime', 'GetWsdlUrl', 'GetServices', 'GetServiceCapabilities', 'GetEndpointReference', 'GetCapabilities']);
const READ_SECRET = new Set(['GetUsers']);
const WRITE = (op) => /^(Set|Create|Delete|Add|Remove)/.test(op) || op === 'SystemReboot' || op === 'SetSystemFactoryDefault';
const LEVEL_RANK = { Anonymous: 0, User: 1, Operator: 2, Administrator: 3 };

export const PROTOCOL_NAMES = ['HTTP', 'HTTPS', 'RTSP'];
const bool = (s) => String(s).trim().toLowerCase() === 'true' || String(s).trim() === '1';

function tzOffsetMinutes(tz) {
  const m = /^[A-Za-z]+([+-]?)(\d{1,2})(?::(\d{2}))?/.exec(tz ?? '');
  if (!m) return 0;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? v : -v; // POSIX: CST-8 means UTC+8
}

/** Returns { status, headers, body } for one SOAP request. */
export function handleOnvif(dev, { bodyText, authorization, method = 'POST', scheme = 'http' }) {
  const reply = (body) => ({ status: 200, body: envelope(body) });
  const r = parseRequest(bodyText);
  if (!r.ok) return r.fault;
  const { op, header } = r;
  const service = op.ns === NS.tds ? 'device' : op.ns === NS.trt ? 'media' : null;
  const name = op.local;
  if (!service) return fault('Receiver', ['ter:ActionNotSupported'], `Unknown operation ${name}`);

  // Authentication: WS-UsernameToken first (what legacy clients send), else HTTP digest.
  let user = null;
  if (!(service === 'device' && (PRE_AUTH.has(name) || (name === 'GetHostname' && dev.p.anonHostname)))) {
    const ut = header ? verifyUsernameToken(header, dev.users, dev.nowMs()) : { ok: false, reason: 'none' };
    if (ut.ok) user = ut.user;
    else if (ut.reason === 'locked') return lockedFault(dev, ut.user);
    else if (ut.reason !== 'none') {
      log('onvif auth failed', name, ut.reason, ut.detail ?? '');
      return fault('Sender', ['ter:NotAuthorized'], ut.reason === 'clock' ? `Sender not Authorized: ${ut.detail}` : 'Sender not Authorized');
    } else {
      const dg = dev.digest.verify(authorization, method, dev.users);
      if (dg.ok) user = dg.user;
      else if (dg.reason === 'locked') return lockedFault(dev, dg.user);
      else {
        const f = fault('Sender', ['ter:NotAuthorized'], 'Sender not Authorized');
        return { ...f, status: 401, headers: { 'WWW-Authenticate': dev.digest.challenge(dg.reason === 'stale') } };
      }
    }
    const need = READ_SECRET.has(name) || WRITE(name) ? 'Administrator' : 'User';
    if (LEVEL_RANK[user.level] < LEVEL_RANK[need]) {
      return fault('Sender', ['ter:NotAuthorized'], `Sender not Authorized: ${name} needs ${need} rights`);
    }
  }
  const h = (service === 'device' ? DEVICE_OPS : MEDIA_OPS)[name];
  if (!h) return fault('Receiver', ['ter:ActionNotSupported'], `Unknown operation ${name}`);
  try {
    const out = h(dev, op, { scheme, user });
    return out.status ? out : reply(out);
  } catch (e) {
    log('onvif handler error', name, e.stack ?? e.message);
    return fault('Receiver', ['ter:Action'], 'Internal error');
  }
}

function lockedFault(dev, u) {
  log('onvif login refused: user locked', u?.user);
  return fault('Sender', ['ter:NotAuthorized'], `User "${u?.user ?? ""}" is locked: too many failed login attempts, try again in 30 minutes`);
}

const xaddrBase = (dev) => `http://${dev.address()}${dev.st.ports.onvif === 80 ? '' : ':' + dev.st.ports.onvif}`;

function deviceCaps() {
  return (
    `<tds:Capabilities><tds:Network IPFilter="false" ZeroConfiguration="false" IPVersion6="false" DynDNS="false" Dot11Configuration="false" HostnameFromDHCP="false" NTP="1"/>` +
    `<tds:Security TLS1.0="false" TLS1.1="false" TLS1.2="true" OnboardKeyGeneration="false" AccessPolicyConfig="false" DefaultAccessPolicy="true" Dot1X="false" RemoteUserHandling="false" X.509Token="false" SAMLToken="false" KerberosToken="false" UsernameToken="true" HttpDigest="true" RELToken="false"/>` +
    `<tds:System DiscoveryResolve="true" DiscoveryBye="true" RemoteDiscovery="false" SystemBackup="false" SystemLogging="false" FirmwareUpgrade="false" HttpFirmwareUpgrade="false" HttpSystemBackup="false" HttpSystemLogging="false" HttpSupportInformation="false"/></tds:Capabilities>`
  );
}

function networkInterfaceXml(dev) {
  const n = dev.st.net;
  const cur = { address: dev.address(), prefix: n.prefix };
  const manual = n.dhcp ? '' : `<tt:Manual><tt:Address>${cur.address}</tt:Address><tt:PrefixLength>${cur.prefix}</tt:PrefixLength></tt:Manual>`;
  const fromDhcp = n.dhcp ? `<tt:FromDHCP><tt:Address>${cur.address}</tt:Address><tt:PrefixLength>${cur.prefix}</tt:PrefixLength></tt:FromDHCP>` : '';
  return (
    `<tds:NetworkInterfaces token="${esc(dev.iface)}"><tt:Enabled>true</tt:Enabled>` +
    `<tt:Info><tt:Name>${esc(dev.iface)}</tt:Name><tt:HwAddress>${dev.mac}</tt:HwAddress><tt:MTU>1500</tt:MTU></tt:Info>` +
    `<tt:Link><tt:AdminSettings><tt:AutoNegotiation>true</tt:AutoNegotiation><tt:Speed>100</tt:Speed><tt:Duplex>Full</tt:Duplex></tt:AdminSettings>` +
    `<tt:OperSettings><tt:AutoNegotiation>true</tt:AutoNegotiation><tt:Speed>100</tt:Speed><tt:Duplex>Full</tt:Duplex></tt:OperSettings><tt:InterfaceType>6</tt:InterfaceType></tt:Link>` +
    `<tt:IPv4><tt:Enabled>true</tt:Enabled><tt:Config>${manual}${fromDhcp}<tt:DHCP>${n.dhcp}</tt:DHCP></tt:Config></tt:IPv4>` +
    `</tds:NetworkInterfaces>`
  );
}

const DEVICE_OPS = {
  GetSystemDateAndTime(dev) {
    const now = new Date(dev.nowMs());
    const local = new Date(now.getTime() + tzOffsetMinutes(dev.p.tz) * 60_000);
    return (
      `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>` +
      `<tt:TimeZone><tt:TZ>${esc(dev.p.tz)}</tt:TZ></tt:TimeZone><tt:UTCDateTime>${dateTimeXml(now)}</tt:UTCDateTime>` +
      `<tt:LocalDateTime>${dateTimeXml(local)}</tt:LocalDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
    );
  },
  GetDeviceInformation(dev) {
    return (
      `<tds:GetDeviceInformationResponse><tds:Manufacturer>${esc(dev.p.manufacturer)}</tds:Manufacturer><tds:Model>${esc(dev.model)}</tds:Model>` +
      `<tds:FirmwareVersion>${esc(dev.p.firmware)}</tds:FirmwareVersion><tds:SerialNumber>${esc(dev.serial)}</tds:SerialNumber>` +
      `<tds:HardwareId>${esc(dev.p.hardwareId)}</tds:HardwareId></tds:GetDeviceInformationResponse>`
    );
  },
  GetCapabilities(dev, op) {
    const b = xaddrBase(dev);
    const cats = children(op, null, 'Category').map(text);
    const want = (c) => !cats.length || cats.includes('All') || cats.includes(c);
    let caps = '';
    if (want('Device')) {
      caps +=
        `<tt:Device><tt:XAddr>${b}/onvif/device_service</tt:XAddr><tt:Network><tt:IPFilter>false</tt:IPFilter><tt:ZeroConfiguration>false</tt:ZeroConfiguration>` +
        `<tt:IPVersion6>false</tt:IPVersion6><tt:DynDNS>false</tt:DynDNS></tt:Network><tt:System><tt:DiscoveryResolve>true</tt:DiscoveryResolve>` +
        `<tt:DiscoveryBye>true</tt:DiscoveryBye><tt:RemoteDiscovery>false</tt:RemoteDiscovery><tt:SystemBackup>false</tt:SystemBackup>` +
        `<tt:SystemLogging>false</tt:SystemLogging><tt:FirmwareUpgrade>false</tt:FirmwareUpgrade><tt:SupportedVersions><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tt:SupportedVersions></tt:System>` +
        `<tt:IO><tt:InputConnectors>0</tt:InputConnectors><tt:RelayOutputs>0</tt:RelayOutputs></tt:IO>` +
        `<tt:Security><tt:TLS1.1>false</tt:TLS1.1><tt:TLS1.2>true</tt:TLS1.2><tt:OnboardKeyGeneration>false</tt:OnboardKeyGeneration><tt:AccessPolicyConfig>false</tt:AccessPolicyConfig>` +
        `<tt:X.509Token>false</tt:X.509Token><tt:SAMLToken>false</tt:SAMLToken><tt:KerberosToken>false</tt:KerberosToken><tt:RELToken>false</tt:RELToken></tt:Security></tt:Device>`;
    }
    if (want('Media')) {
      caps +=
        `<tt:Media><tt:XAddr>${b}/onvif/Media</tt:XAddr><tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast>` +
        `<tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media>`;
    }
    if (!caps) return fault('Receiver', ['ter:ActionNotSupported', 'ter:NoSuchService'], 'The requested category is not supported');
    return `<tds:GetCapabilitiesResponse><tds:Capabilities>${caps}</tds:Capabilities></tds:GetCapabilitiesResponse>`;
  },
  GetServices(dev, op) {
    const b = xaddrBase(dev);
    const inc = bool(text(child(op, null, 'IncludeCapability')));
    const svc = (ns, path, caps) =>
      `<tds:Service><tds:Namespace>${ns}</tds:Namespace><tds:XAddr>${b}${path}</tds:XAddr>${inc ? `<tds:Capabilities>${caps}</tds:Capabilities>` : ''}` +
      `<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>`;
    return (
      `<tds:GetServicesResponse>${svc(NS.tds, '/onvif/device_service', deviceCaps())}` +
      `${svc(NS.trt, '/onvif/Media', '<trt:Capabilities SnapshotUri="false" Rotation="false" OSD="false"><trt:ProfileCapabilities MaximumNumberOfProfiles="2"/><trt:StreamingCapabilities RTPMulticast="false" RTP_TCP="true" RTP_RTSP_TCP="true"/></trt:Capabilities>')}` +
      `</tds:GetServicesResponse>`
    );
  },
  GetServiceCapabilities() {
    return `<tds:GetServiceCapabilitiesResponse>${deviceCaps()}</tds:GetServiceCapabilitiesResponse>`;
  },
  GetWsdlUrl() {
    return `<tds:GetWsdlUrlResponse><tds:WsdlUrl>http://www.onvif.org/</tds:WsdlUrl></tds:GetWsdlUrlResponse>`;
  },
  GetEndpointReference(dev) {
    return `<tds:GetEndpointReferenceResponse><tds:GUID>${esc(dev.epr)}</tds:GUID></tds:GetEndpointReferenceResponse>`;
  },
  GetScopes(dev) {
    const fixed = (s) => !/\/(name|location)\//.test(s);
    return `<tds:GetScopesResponse>${dev
      .scopes()
      .map((s) => `<tds:Scopes><tt:ScopeDef>${fixed(s) ? 'Fixed' : 'Configurable'}</tt:ScopeDef><tt:ScopeItem>${esc(s)}</tt:ScopeItem></tds:Scopes>`)
      .join('')}</tds:GetScopesResponse>`;
  },
  GetHostname(dev) {
    return `<tds:GetHostnameResponse><tds:HostnameInformation><tt:FromDHCP>false</tt:FromDHCP><tt:Name>${esc(dev.st.hostname)}</tt:Name></tds:HostnameInformation></tds:GetHostnameResponse>`;
  },
  SetHostname(dev, op) {
    const name = text(child(op, null, 'Name'));
    if (!/^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/.test(name)) return fault('Sender', ['ter:InvalidArgVal', 'ter:InvalidHostname'], 'The requested hostname cannot be accepted by the device');
    dev.st.hostname = name;
    dev.save();
    return `<tds:SetHostnameResponse></tds:SetHostnameResponse>`;
  },
  GetDiscoveryMode(dev) {
    return `<tds:GetDiscoveryModeResponse><tds:DiscoveryMode>${dev.st.discoveryMode}</tds:DiscoveryMode></tds:GetDiscoveryModeResponse>`;
  },
  SetDiscoveryMode(dev, op) {
    const m = text(child(op, null, 'DiscoveryMode'));
    if (m !== 'Discoverable' && m !== 'NonDiscoverable') return fault('Sender', ['ter:InvalidArgVal'], 'DiscoveryMode must be Discoverable or NonDiscoverable');
    const was = dev.st.discoveryMode;
    dev.st.discoveryMode = m;
    dev.save();
    if (was !== m) dev.later(() => (m === 'Discoverable' ? dev.wsdHello() : null), 100);
    return `<tds:SetDiscoveryModeResponse></tds:SetDiscoveryModeResponse>`;
  },
  GetUsers(dev) {
    return `<tds:GetUsersResponse>${dev.users.map((u) => `<tds:User><tt:Username>${esc(u.user)}</tt:Username><tt:UserLevel>${u.level}</tt:UserLevel></tds:User>`).join('')}</tds:GetUsersResponse>`;
  },
  // ONVIF Core SetUser: changes existing users (an Administrator's call, as every Set*); each user must exist, the
  // password may not be empty (ter:PasswordTooWeak) or longer than 64 characters (ter:PasswordTooLong), the level
  // may not be Anonymous, and the last Administrator keeps its level (ter:FixedUser). All or nothing.
  SetUser(dev, op) {
    const given = children(op, null, 'User');
    if (!given.length) return fault('Sender', ['ter:InvalidArgVal'], 'No User given');
    const changes = [];
    for (const u of given) {
      const name = text(child(u, null, 'Username'));
      const known = dev.users.find((x) => x.user === name);
      if (!known) return fault('Sender', ['ter:InvalidArgVal', 'ter:UsernameMissing'], 'Username not recognized');
      const level = text(child(u, null, 'UserLevel')) || known.level;
      if (level === 'Anonymous') return fault('Sender', ['ter:OperationProhibited', 'ter:AnonymousNotAllowed'], 'User level anonymous is not allowed');
      if (!(level in LEVEL_RANK)) return fault('Sender', ['ter:InvalidArgVal'], `Unknown user level ${level.slice(0, 40)}`);
      const admins = dev.users.filter((x) => x.level === 'Administrator').length;
      if (known.level === 'Administrator' && level !== 'Administrator' && admins === 1)
        return fault('Sender', ['ter:OperationProhibited', 'ter:FixedUser'], 'Username may not be updated: the last administrator keeps its level');
      const pw = child(u, null, 'Password');
      // The password as sent (not trimmed: spaces count), entities decoded by the XML reader.
      const password = pw ? pw.text : null;
      if (password !== null && password.length === 0) return fault('Sender', ['ter:OperationProhibited', 'ter:PasswordTooWeak'], 'Too weak password');
      if (password !== null && [...password].length > 64) return fault('Sender', ['ter:OperationProhibited', 'ter:PasswordTooLong'], 'The password is too long');
      changes.push({ user: name, level, password });
    }
    // A new list (the lab's SIM_USERS array is never changed in place); RTSP restarts with the new logins.
    dev.users = dev.users.map((x) => {
      const c = changes.find((y) => y.user === x.user);
      return c ? { ...x, level: c.level, password: c.password ?? x.password } : x;
    });
    log('onvif SetUser', changes.map((c) => `${c.user}${c.password !== null ? ' password' : ''} ${c.level}`).join(', '));
    if (dev.components.has('rtsp')) dev.later(() => dev.reconcile(), 100);
    return `<tds:SetUserResponse></tds:SetUserResponse>`;
  },
  GetNetworkInterfaces(dev) {
    return `<tds:GetNetworkInterfacesResponse>${networkInterfaceXml(dev)}</tds:GetNetworkInterfacesResponse>`;
  },
  SetNetworkInterfaces(dev, op) {
    const token = text(child(op, null, 'InterfaceToken'));
    if (token !== dev.iface) return fault('Sender', ['ter:InvalidArgVal', 'ter:InvalidNetworkInterface'], `No network interface ${token}`);
    const ni = child(op, null, 'NetworkInterface');
    const mtu = child(ni, null, 'MTU');
    if (mtu && !(Number(text(mtu)) >= 576 && Number(text(mtu)) <= 1500)) return fault('Sender', ['ter:InvalidArgVal', 'ter:InvalidMtuValue'], 'The MTU value is invalid');
    const v4 = child(ni, null, 'IPv4');
    // `lab.mjs sim <host> address-refuse on`: a device that will not take the address it is given; nothing changes.
    if (dev.refusesAddress()) {
      const m = v4 && child(v4, null, 'Manual');
      const asked = m ? `${text(child(m, null, 'Address'))}/${text(child(m, null, 'PrefixLength'))}`.slice(0, 64) : '';
      log('address-refuse: SetNetworkInterfaces refused', asked);
      return fault('Sender', ['ter:InvalidArgVal', 'ter:InvalidIPv4Address'], asked ? `The suggested IPv4 address ${asked} is invalid` : 'The suggested IPv4 settings are invalid');
    }
    if (!v4) return `<tds:SetNetworkInterfacesResponse><tds:RebootNeeded>false</tds:RebootNeeded></tds:SetNetworkInterfacesResponse>`;
    const dhcpNode = child(v4, null, 'DHCP');
    const dhcp = dhcpNode ? bool(text(dhcpNode)) : dev.st.net.dhcp;
    const manual = child(v4, null, 'Manual');
    let cfg;
    if (dhcp) cfg = { dhcp: true };
    else {
      const address = manual ? text(child(manual, null, 'Address')) : dev.address();
      const prefix = manual ? Number(text(child(manual, null, 'PrefixLength'))) : dev.st.net.prefix;
      if (!isUsableIPv4(address) || !(prefix >= 8 && prefix <= 30)) return fault('Sender', ['ter:InvalidArgVal', 'ter:InvalidIPv4Address'], `The suggested IPv4 address ${address}/${prefix} is invalid`);
      cfg = { dhcp: false, address, prefix };
    }
    const rebootNeeded = dev.p.rebootNeeded;
    if (rebootNeeded) {
      dev.st.pendingNetwork = cfg;
      dev.save();
    } else dev.later(() => dev.applyNetwork(cfg), 300);
    return `<tds:SetNetworkInterfacesResponse><tds:RebootNeeded>${rebootNeeded}</tds:RebootNeeded></tds:SetNetworkInterfacesResponse>`;
  },
  GetNetworkProtocols(dev) {
    return `<tds:GetNetworkProtocolsResponse>${dev
      .protocols()
      .map((p) => `<tds:NetworkProtocols><tt:Name>${p.name}</tt:Name><tt:Enabled>${p.enabled}</tt:Enabled><tt:Port>${p.port}</tt:Port></tds:NetworkProtocols>`)
      .join('')}</tds:GetNetworkProtocolsResponse>`;
  },
  SetNetworkProtocols(dev, op) {
    const changes = [];
    for (const n of children(op, null, 'NetworkProtocols')) {
      const name = text(child(n, null, 'Name'));
      const enabled = child(n, null, 'Enabled') ? bool(text(child(n, null, 'Enabled'))) : true;
      const ports = children(n, null, 'Port').map((p) => Number(text(p)));
      if (!PROTOCOL_NAMES.includes(name) || !dev.protocols().some((p) => p.name === name)) {
        return fault('Sender', ['ter:InvalidArgVal', 'ter:ServiceNotSupported'], `The protocol ${name} is not supported by the device`);
      }
      if (ports.length !== 1 || !Number.isInteger(ports[0]) || ports[0] < 1 || ports[0] > 65535) {
        return fault('Sender', ['ter:InvalidArgVal'], `Invalid port for ${name}`);
      }
      if (name === 'HTTP' && !enabled) return fault('Sender', ['ter:InvalidArgVal'], 'HTTP carries the ONVIF service and cannot be disabled');
      changes.push({ name, enabled, port: ports[0] });
    }
    if (!changes.length) return fault('Sender', ['ter:InvalidArgVal'], 'No NetworkProtocols given');
    const check = dev.checkPorts(changes);
    if (!check.ok) return fault('Sender', ['ter:InvalidArgVal', check.fixed ? 'ter:SettingsInvalid' : 'ter:PortAlreadyInUse'], check.reason);
    dev.later(() => dev.applyProtocols(changes), 300);
    return `<tds:SetNetworkProtocolsResponse></tds:SetNetworkProtocolsResponse>`;
  },
  GetNetworkDefaultGateway(dev) {
    const g = dev.st.net.gateway;
    return `<tds:GetNetworkDefaultGatewayResponse><tds:NetworkGateway>${g ? `<tt:IPv4Address>${g}</tt:IPv4Address>` : ''}</tds:NetworkGateway></tds:GetNetworkDefaultGatewayResponse>`;
  },
  SetNetworkDefaultGateway(dev, op) {
    const gws = children(op, null, 'IPv4Address').map(text);
    if (gws.length > 1 || gws.some((g) => !isUsableIPv4(g))) return fault('Sender', ['ter:InvalidArgVal', 'ter:InvalidGatewayAddress'], 'The supplied gateway address was invalid');
    dev.st.net.gateway = gws[0] ?? '';
    dev.save();
    dev.later(() => dev.applyGateway(), 100);
    return `<tds:SetNetworkDefaultGatewayResponse></tds:SetNetworkDefaultGatewayResponse>`;
  },
  GetDNS(dev) {
    const d = dev.st.net.dns;
    const ip = (a) => `<tt:Type>IPv4</tt:Type><tt:IPv4Address>${a}</tt:IPv4Address>`;
    return (
      `<tds:GetDNSResponse><tds:DNSInformation><tt:FromDHCP>${d.fromDHCP}</tt:FromDHCP>` +
      (d.searchDomain ?? []).map((s) => `<tt:SearchDomain>${esc(s)}</tt:SearchDomain>`).join('') +
      (d.fromDHCP ? (d.dhcp ?? []).map((a) => `<tt:DNSFromDHCP>${ip(a)}</tt:DNSFromDHCP>`).join('') : '') +
      (d.manual ?? []).map((a) => `<tt:DNSManual>${ip(a)}</tt:DNSManual>`).join('') +
      `</tds:DNSInformation></tds:GetDNSResponse>`
    );
  },
  SetDNS(dev, op) {
    const fromDHCP = bool(text(child(op, null, 'FromDHCP')));
    const manual = children(op, null, 'DNSManual').map((n) => text(child(n, null, 'IPv4Address'))).filter(Boolean);
    if (manual.some((a) => !isUsableIPv4(a))) return fault('Sender', ['ter:InvalidArgVal', 'ter:InvalidIPv4Address'], 'The suggested DNS address is invalid');
    const searchDomain = children(op, null, 'SearchDomain').map(text).filter(Boolean);
    Object.assign(dev.st.net.dns, { fromDHCP, manual, searchDomain });
    dev.save();
    return `<tds:SetDNSResponse></tds:SetDNSResponse>`;
  },
  SystemReboot(dev) {
    dev.later(() => dev.reboot(), 500);
    return `<tds:SystemRebootResponse><tds:Message>Rebooting in 2 seconds</tds:Message></tds:SystemRebootResponse>`;
  },
};

const profilesXml = (dev, tag = 'Profiles', only = null) => {
  const prof = (tok, name, w, h) =>
    only && only !== tok ? '' : `<trt:${tag} token="${tok}" fixed="true"><tt:Name>${name}</tt:Name>` +
    `<tt:VideoSourceConfiguration token="VideoSourceToken"><tt:Name>VideoSource_1</tt:Name><tt:UseCount>2</tt:UseCount><tt:SourceToken>VideoSource_1</tt:SourceToken><tt:Bounds x="0" y="0" width="640" height="360"/></tt:VideoSourceConfiguration>` +
    `<tt:VideoEncoderConfiguration token="VideoEncoderToken_${tok}"><tt:Name>VideoEncoder_${tok}</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding>` +
    `<tt:Resolution><tt:Width>${w}</tt:Width><tt:Height>${h}</tt:Height></tt:Resolution><tt:Quality>3</tt:Quality>` +
    `<tt:RateControl><tt:FrameRateLimit>10</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>256</tt:BitrateLimit></tt:RateControl>` +
    `<tt:H264><tt:GovLength>20</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>` +
    `<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>1</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast>` +
    `<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration></trt:${tag}>`;
  return prof('Profile_1', 'mainStream', 640, 360) + (dev.p.rtsp.uris.length > 1 ? prof('Profile_2', 'subStream', 320, 180) : '');
};

const MEDIA_OPS = {
  GetProfiles(dev) {
    return `<trt:GetProfilesResponse>${profilesXml(dev)}</trt:GetProfilesResponse>`;
  },
  GetProfile(dev, op) {
    const tok = text(child(op, null, 'ProfileToken'));
    const x = profilesXml(dev, 'Profile', tok);
    if (!x) return fault('Sender', ['ter:InvalidArgVal', 'ter:NoProfile'], `No profile ${tok}`);
    return `<trt:GetProfileResponse>${x}</trt:GetProfileResponse>`;
  },
  GetVideoSources() {
    return (
      `<trt:GetVideoSourcesResponse><trt:VideoSources token="VideoSource_1"><tt:Framerate>10</tt:Framerate>` +
      `<tt:Resolution><tt:Width>640</tt:Width><tt:Height>360</tt:Height></tt:Resolution></trt:VideoSources></trt:GetVideoSourcesResponse>`
    );
  },
  GetStreamUri(dev, op) {
    const tok = text(child(op, null, 'ProfileToken'));
    if (tok !== 'Profile_1' && tok !== 'Profile_2') return fault('Sender', ['ter:InvalidArgVal', 'ter:NoProfile'], `No profile ${tok}`);
    const uri = dev.rtspUrl(tok === 'Profile_2' ? 1 : 0);
    if (!uri) return fault('Receiver', ['ter:Action', 'ter:StreamingNotSupported'], 'RTSP is disabled');
    return (
      `<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>${esc(uri)}</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>` +
      `<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT60S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>`
    );
  },
};
