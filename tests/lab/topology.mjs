// The lab's fixed plan: every namespace, link and address. Documentation and private ranges only.
// lab.mjs builds exactly this; simulators and tests read it instead of repeating addresses.
// Every namespace name starts with PREFIX so nothing can collide with the host's own.

export const PREFIX = 'nvrlab-';
export const ns = (host) => `${PREFIX}${host}`;

export const LAN = { cidr: '192.168.50.0/24', prefix: 24, gateway: '192.168.50.1', dhcpFrom: '192.168.50.100', dhcpTo: '192.168.50.199', domain: 'lan' };
// The client's second, unrelated network (multi-NIC tests): a point-to-point link to the `other` host.
export const OTHER = { cidr: '10.77.0.0/24', prefix: 24, client: '10.77.0.2', peer: '10.77.0.1' };

// The "internet". Router WAN is 203.0.113.2; wan host is 203.0.113.1 plus service addresses.
export const WAN = {
  cidr: '203.0.113.0/24',
  prefix: 24,
  host: '203.0.113.1',
  routerWan: '203.0.113.2',
  carrierWan: '203.0.113.3', // cgnat profile: the carrier's public side
  checker: '198.51.100.10', // echoip-compatible: GET /json, GET /port/N (HTTP port 80)
  stun: '198.51.100.3', // STUN binding on UDP 3478
  dns: '198.51.100.53', // authoritative DNS for DDNS_ZONE (UDP+TCP 53)
  ddns: '198.51.100.80', // dyndns2 (/nic/update) + DuckDNS (/update) over HTTP 80
  stunAlt: '198.51.100.4', // STUN's alternate address (RFC 5780 CHANGE-REQUEST answers come from here / port 3479)
};
export const CGNAT = { cidr: '100.64.0.0/10', prefix: 10, carrier: '100.64.0.1', routerWan: '100.64.0.2' };
export const DDNS_ZONE = 'ddns.lab.example';
export const DDNS_ACCOUNTS = [
  // user, password (dyndns2 basic auth) / token (DuckDNS) and the hostnames each may update.
  { user: 'labuser', password: 'labpass', token: 'lab-duck-token-0001', hosts: ['mynvr.ddns.lab.example', 'shop.ddns.lab.example'] },
];

export const ROUTER = { lan: '192.168.50.1', upnpHttpPort: 5000, natpmpPort: 5351 };
// dyndns2 hostnames that answer `abuse` (blocked for too many updates), for error-path tests.
export const DDNS_BLOCKED = ['blocked.ddns.lab.example'];
// Fixed MACs of the lab's infrastructure interfaces (the devices' MACs are with each device below).
export const INFRA_MACS = {
  routerLan: '02:00:c0:a8:32:01', // router br0
  routerWan: '02:00:cb:00:71:02', // router wan0
  wanHost: '02:00:cb:00:71:01', // wan eth0
  carrierWan: '02:00:cb:00:71:03', // carrier up0
  carrierSub: '02:00:64:40:00:01', // carrier sub0 (towards the router)
  clientOther: '02:00:0a:4d:00:02', // client eth1
  other: '02:00:0a:4d:00:01', // other eth0
};

// NVR simulators: one namespace each. `ip: 'dhcp'` gets its address from the router's dnsmasq.
// Ports are the simulator's defaults; SetNetworkProtocols may move them at run time.
export const SIMULATORS = [
  {
    host: 'hik', profile: 'hikvision', ip: '192.168.50.64', mac: '02:00:c0:a8:32:40', name: 'DS-7608NI-K2', upnp: true,
    ports: { http: 80, https: 443, rtsp: 554, sdk: 8000, onvif: 80 },
  },
  {
    host: 'dahua', profile: 'dahua', ip: '192.168.50.65', mac: '02:00:c0:a8:32:41', name: 'NVR4108HS-4KS2', upnp: true,
    ports: { http: 80, https: 443, rtsp: 554, sdk: 37777, onvif: 80 },
  },
  {
    host: 'reolink', profile: 'reolink', ip: '192.168.50.66', mac: '02:00:c0:a8:32:42', name: 'RLN8-410', upnp: true,
    ports: { http: 80, https: 443, rtsp: 554, onvif: 8000, media: 9000 },
  },
  {
    // Its clock runs 10 minutes ahead (a camera that never had NTP): logins must sign with the device's time.
    host: 'cam', profile: 'generic', ip: 'dhcp', mac: '02:00:c0:a8:32:43', name: 'IPC-Generic', upnp: false, clockOffset: 600,
    ports: { http: 80, rtsp: 554, onvif: 80 },
  },
];
export const ROGUE = { host: 'rogue', ip: '192.168.50.250', mac: '02:00:c0:a8:32:fa' };
export const CLIENT = { host: 'client', ip: '192.168.50.10', mac: '02:00:c0:a8:32:0a' };
// Scale profile (benchmarks): 250 devices in one namespace, addresses .2–.9 and .11–.252 (skipping the client's .10).
export const SCALE = { host: 'scale', count: 250, mac: '02:00:c0:a8:33:00' };
export const scaleAddresses = () => {
  const out = [];
  for (let i = 2; out.length < SCALE.count && i <= 254; i++) if (i !== 10) out.push(`192.168.50.${i}`);
  return out;
};

// Credentials every simulator accepts (admin) and a second, locked-out user for error tests.
export const SIM_USERS = [
  { user: 'admin', password: 'Lab-Admin-2024', level: 'Administrator' },
  { user: 'operator', password: 'Lab-Operator-2024', level: 'Operator' },
  { user: 'locked', password: 'Lab-Locked-2024', level: 'User', locked: true },
];

// Profiles: `home` (default) = router WAN directly on the internet; `cgnat` = a carrier NAT between router and wan;
// `scale` = home topology without brand simulators, plus the scale namespace.
export const PROFILES = ['home', 'cgnat', 'scale'];

// Where the lab keeps its state (PIDs, logs, leases, certificates). Removed by `down`.
export const RUN_DIR = process.env.NVRLAB_RUN_DIR || '/run/nvrlab';
