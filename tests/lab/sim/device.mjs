// One simulated NVR/camera: its state, its listeners (reconciled against the state) and its actions.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROFILES, stableUuid, serialFor } from './profiles.mjs';
import { SIM_USERS, SIMULATORS } from '../topology.mjs';
import { loadState } from './state.mjs';
import { createDigest } from './auth.mjs';
import { startWeb, ensureCert } from './web.mjs';
import { startRtsp } from './rtsp.mjs';
import { startSdk } from './sdk.mjs';
import { startWsd } from './wsd.mjs';
import { startSadp } from './sadp.mjs';
import { startDhip } from './dhip.mjs';
import { startSsdp } from './ssdp.mjs';
import { syncPortMappings } from './igd-client.mjs';
import { setStatic, setRoutes, dhcpLease, currentIPv4, sameSubnet } from './netcfg.mjs';
import { log } from './log.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Fault toggles for issue 11's tests, as flag files in the state dir (`lab.mjs sim <host> address-refuse|address-vanish
 * on|off` writes and removes them; `down` removes them with the lab). The device reads them every FAULT_POLL_MS and
 * reports what it does in `<state-dir>/faults.json`, which lab.mjs waits for.
 */
export const FAULT_FLAGS = ['address-refuse', 'address-vanish'];
const FAULT_POLL_MS = 250;

export class Device {
  constructor(opts) {
    this.profile = opts.profile;
    this.p = PROFILES[opts.profile];
    if (!this.p) throw new Error(`unknown profile ${opts.profile}`);
    this.host = opts.host;
    this.model = opts.name;
    this.mac = opts.mac.toLowerCase();
    this.iface = opts.iface;
    this.stateDir = opts.stateDir;
    this.upnp = !!opts.upnp;
    this.clockOffsetMs = Number(opts.clockOffset || 0) * 1000;
    this.uuid = stableUuid(this.mac);
    this.epr = `urn:uuid:${this.uuid}`;
    this.serial = serialFor(this.profile, this.model, this.mac);
    // A test's own simulator may hold other logins (e.g. a vendor default): --users <file>; the lab's use SIM_USERS.
    this.users = opts.users ?? SIM_USERS;
    this.bootTime = new Date();
    const topo = SIMULATORS.find((s) => s.host === opts.host);
    const ports = { ...this.p.defaults, ...(topo?.ports ?? {}) };
    const dhcp = opts.ip === 'dhcp';
    this.state = loadState(this.stateDir, () => ({
      version: 1,
      hostname: this.model.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 63),
      discoveryMode: 'Discoverable',
      ports,
      // `--https-off`: the HTTPS port configured but off (a fresh state only; the default is on where there is a port).
      enabled: { https: ports.https != null && !opts.httpsOff, rtsp: true },
      net: {
        dhcp, address: dhcp ? null : opts.ip, prefix: Number(opts.prefix || 24), gateway: opts.gateway || '',
        dns: { fromDHCP: dhcp, manual: dhcp ? [] : [opts.gateway].filter(Boolean), dhcp: [], searchDomain: [] },
      },
      pendingNetwork: null,
    }));
    this.st = this.state.data;
    this.digest = createDigest({ realm: this.p.realm });
    this.components = new Map();
    this.timers = new Set();
    this.mapped = [];
    this.upnpBusy = Promise.resolve();
    this.renewCount = 0;
    this.renewing = null;
    this.faults = { refuse: false, vanish: false };
    this.vanished = false;
    this.faultsReported = null;
    this.faultTimer = null;
    this.faultBusy = Promise.resolve();
    this.serviceQueue = Promise.resolve();
  }

  save() { this.state.save(); }
  nowMs() { return Date.now() + this.clockOffsetMs; }
  address() { return this.st.net.address; }
  later(fn, ms) {
    const t = setTimeout(async () => { this.timers.delete(t); try { await fn(); } catch (e) { log('deferred action failed', e.stack ?? e.message); } }, ms);
    this.timers.add(t);
  }

  scopes() {
    const e = (s) => encodeURIComponent(s);
    return [
      'onvif://www.onvif.org/type/video_encoder', 'onvif://www.onvif.org/type/Network_Video_Transmitter',
      'onvif://www.onvif.org/Profile/Streaming', 'onvif://www.onvif.org/Profile/T',
      `onvif://www.onvif.org/name/${e(this.model)}`, `onvif://www.onvif.org/hardware/${e(this.model)}`,
      `onvif://www.onvif.org/manufacturer/${e(this.p.manufacturer)}`, `onvif://www.onvif.org/MAC/${this.mac}`,
      'onvif://www.onvif.org/location/city/lab',
    ];
  }
  xaddr() {
    const port = this.st.ports.onvif;
    return `http://${this.address()}${port === 80 ? '' : ':' + port}/onvif/device_service`;
  }
  rtspUrl(i) {
    if (!this.st.enabled.rtsp) return null;
    const u = this.p.rtsp.uris[i] ?? this.p.rtsp.uris[0];
    return `rtsp://${this.address()}${this.st.ports.rtsp === 554 ? '' : ':' + this.st.ports.rtsp}${u}`;
  }
  protocols() {
    const out = [{ name: 'HTTP', enabled: true, port: this.st.ports.http }];
    if (this.st.ports.https != null) out.push({ name: 'HTTPS', enabled: this.st.enabled.https, port: this.st.ports.https });
    out.push({ name: 'RTSP', enabled: this.st.enabled.rtsp, port: this.st.ports.rtsp });
    return out;
  }
  wsdInfo() {
    return { epr: this.epr, scopes: this.scopes(), xaddrs: [this.xaddr()], address: this.address(), discoverable: this.st.discoveryMode === 'Discoverable', instanceId: this.st.instanceId };
  }

  /** Ports after applying SetNetworkProtocols changes (no mutation). */
  projected(changes) {
    const ports = { ...this.st.ports };
    const enabled = { ...this.st.enabled };
    for (const c of changes) {
      if (c.name === 'HTTP') { if (ports.onvif === ports.http) ports.onvif = c.port; ports.http = c.port; }
      if (c.name === 'HTTPS') { ports.https = c.port; enabled.https = c.enabled; }
      if (c.name === 'RTSP') { ports.rtsp = c.port; enabled.rtsp = c.enabled; }
    }
    return { ports, enabled };
  }
  /** Is this fault flag file there (`lab.mjs sim <host> <name> on`)? */
  flag(name) { return fs.existsSync(path.join(this.stateDir, name)); }
  /** `address-refuse on`: SetNetworkInterfaces is refused with a fault and changes nothing. */
  refusesAddress() { return this.flag('address-refuse'); }

  checkPorts(changes) {
    // `lab.mjs sim <host> rtsp-fixed on`: this recorder's RTSP port cannot be changed.
    const rtsp = changes.find((c) => c.name === 'RTSP');
    if (rtsp && rtsp.port !== this.st.ports.rtsp && fs.existsSync(path.join(this.stateDir, 'rtsp-fixed')))
      return { ok: false, fixed: true, reason: 'The RTSP port of this device cannot be changed' };
    const { ports, enabled } = this.projected(changes);
    const used = [['HTTP', ports.http]];
    if (ports.onvif !== ports.http) used.push(['ONVIF', ports.onvif]);
    if (ports.https != null && enabled.https) used.push(['HTTPS', ports.https]);
    if (enabled.rtsp) used.push(['RTSP', ports.rtsp]);
    if (ports.sdk != null) used.push(['SDK', ports.sdk]);
    if (ports.media != null) used.push(['Media', ports.media]);
    for (let i = 0; i < used.length; i++) {
      for (let j = i + 1; j < used.length; j++) {
        if (used[i][1] === used[j][1]) {
          const mover = changes.some((c) => c.name === used[i][0]) ? used[i] : used[j];
          const other = mover === used[i] ? used[j] : used[i];
          return { ok: false, reason: `Port ${mover[1]} is already in use by ${other[0]}` };
        }
      }
    }
    return { ok: true };
  }

  desired() {
    const s = this.st;
    const P = s.ports;
    const d = new Map();
    const addr = this.address();
    d.set('http', { sig: `${P.http}|${P.onvif === P.http}`, start: () => startWeb(this, { port: P.http, roles: { web: true, onvif: P.onvif === P.http } }) });
    if (P.onvif !== P.http) d.set('onvif', { sig: `${P.onvif}`, start: () => startWeb(this, { port: P.onvif, roles: { web: false, onvif: true } }) });
    if (P.https != null && s.enabled.https) {
      // The `https-plain` flag file: the HTTPS port, when (re)started, answers plain HTTP, not TLS (an NVR that lists
      // HTTPS as on but whose HTTPS server does not work, e.g. without a usable certificate).
      const plain = this.flag('https-plain');
      d.set('https', { sig: `${P.https}|${P.onvif === P.http}|${plain ? 'plain' : 'tls'}`, start: () => startWeb(this, { port: P.https, tls: plain ? null : ensureCert(this.stateDir, addr), roles: { web: true, onvif: P.onvif === P.http } }) });
    }
    if (s.enabled.rtsp) {
      const mounts = [...new Set(this.p.rtsp.uris.map((u) => u.split('?')[0]))];
      const users = this.users.filter((u) => !u.locked);
      // The logins are part of the signature: a SetUser that changes a password restarts RTSP with it.
      const logins = crypto.createHash('sha256').update(JSON.stringify(users.map((u) => [u.user, u.password]))).digest('hex').slice(0, 8);
      d.set('rtsp', { sig: `${P.rtsp}|${logins}`, start: () => startRtsp({ port: P.rtsp, mounts, users, realm: this.p.realm }) });
    }
    if (P.sdk != null) d.set('sdk', { sig: `${P.sdk}`, start: () => startSdk({ port: P.sdk, flavour: this.profile }) });
    if (P.media != null) d.set('media', { sig: `${P.media}`, start: () => startSdk({ port: P.media, flavour: this.profile }) });
    d.set('wsd', { sig: addr, start: async () => { const w = await startWsd({ dev: () => this.wsdInfo(), replyFromEphemeral: !!this.p.wsdEphemeralSource }); this.wsd = w; return w; } });
    if (this.p.discovery.includes('sadp')) d.set('sadp', { sig: addr, start: () => startSadp({ info: () => this.sadpInfo() }) });
    if (this.p.discovery.includes('dhip')) d.set('dhip', { sig: addr, start: () => startDhip({ info: () => this.dhipInfo() }) });
    if (this.upnp) d.set('ssdp', { sig: `${addr}|${P.http}`, start: () => startSsdp({ info: () => this.ssdpInfo() }) });
    return d;
  }

  async reconcile({ stopAll = false, strict = false } = {}) {
    // A vanished device (`address-vanish`) runs no service at all until the toggle is off.
    const want = stopAll || this.vanished ? new Map() : this.desired();
    for (const [name, c] of [...this.components]) {
      const w = want.get(name);
      if (!w || w.sig !== c.sig) {
        try { await c.handle.close(); } catch (e) { log('stop', name, e.message); }
        this.components.delete(name);
        if (name === 'wsd') this.wsd = null;
      }
    }
    for (const [name, w] of want) {
      if (this.components.has(name)) continue;
      try {
        const handle = await w.start();
        this.components.set(name, { sig: w.sig, handle });
        log('started', name, w.sig);
      } catch (e) {
        log('could not start', name, w.sig, e.message);
        if (strict) throw e;
      }
    }
  }

  sadpInfo() {
    const n = this.st.net;
    return {
      deviceType: '139266', model: this.model, serial: this.serial, commandPort: this.st.ports.sdk, httpPort: this.st.ports.http, mac: this.mac,
      address: this.address(), prefix: n.prefix, gateway: n.gateway, dhcp: n.dhcp, softwareVersion: this.p.firmware.replace(' build ', 'build '),
      bootTime: this.bootTime.toISOString().replace('T', ' ').slice(0, 19),
      salt: crypto.createHash('sha256').update(this.serial).digest('hex'),
    };
  }
  dhipInfo() {
    const n = this.st.net;
    return {
      mac: this.mac, model: this.model, httpPort: this.st.ports.http, httpsPort: this.st.ports.https, gateway: n.gateway, dhcp: n.dhcp, address: this.address(),
      prefix: n.prefix, hostname: this.st.hostname, sdkPort: this.st.ports.sdk, serial: this.serial, version: this.p.firmware.split(',')[0],
    };
  }
  ssdpInfo() {
    return { uuid: this.uuid, location: `http://${this.address()}:${this.st.ports.http}${this.p.upnp.descPath}`, server: this.p.upnp.server, address: this.address(), bootId: this.st.instanceId };
  }

  async wsdHello() { await this.wsd?.hello(); }
  async wsdBye() { await this.wsd?.bye(); }

  /**
   * `lab.mjs sim <host> upnp-renew <seconds>` (a file `upnp-renew` holding the seconds): the device adds its UPnP
   * mappings again every so often, as NVRs with UPnP on do, so a mapping deleted on the router comes back. The first
   * renewal follows at once; each one is counted in `upnp-sync.json`.
   */
  upnpRenewTick() {
    if (!this.upnp || this.vanished) return;
    let seconds;
    try { seconds = Number(fs.readFileSync(path.join(this.stateDir, 'upnp-renew'), 'utf8').trim()); } catch { this.upnpRenewedAt = 0; return; }
    if (!(seconds >= 1) || Date.now() - (this.upnpRenewedAt ?? 0) < seconds * 1000) return;
    this.upnpRenewedAt = Date.now();
    this.upnpSync();
  }

  upnpSync() {
    if (!this.upnp || this.vanished) return;
    const P = this.st.ports;
    const mappings = [{ port: P.http, label: 'HTTP' }];
    if (this.st.enabled.rtsp) mappings.push({ port: P.rtsp, label: 'RTSP' });
    if (P.sdk != null) mappings.push({ port: P.sdk, label: 'SDK' });
    if (P.media != null) mappings.push({ port: P.media, label: 'Media' });
    const prev = this.mapped;
    this.upnpBusy = this.upnpBusy.then(async () => {
      const added = await syncPortMappings({ address: this.address(), prefix: this.st.net.prefix, mappings, previous: prev, label: this.p.upnp.label });
      this.mapped = added;
      try { fs.writeFileSync(path.join(this.stateDir, 'upnp-mappings.json'), JSON.stringify(added)); } catch { /* ignore */ }
      this.upnpSyncs = (this.upnpSyncs ?? 0) + 1;
      const sync = { pid: process.pid, count: this.upnpSyncs, at: new Date().toISOString(), ports: added.map((m) => m.port) };
      try { fs.writeFileSync(path.join(this.stateDir, 'upnp-sync.json.tmp'), JSON.stringify(sync)); fs.renameSync(path.join(this.stateDir, 'upnp-sync.json.tmp'), path.join(this.stateDir, 'upnp-sync.json')); } catch { /* ignore */ }
    });
  }

  /** Bring the interface to the configured state (static address or DHCP). */
  async configureNetwork(cfg) {
    const n = this.st.net;
    if (cfg.dhcp) {
      let lease = null;
      for (let i = 0; i < 3 && !lease; i++) lease = await dhcpLease(this.iface, { hostname: this.st.hostname, stateDir: this.stateDir, request: cfg.request });
      if (!lease) throw new Error('no DHCP lease');
      log('DHCP lease', lease.address, `/${lease.prefix}`, 'gw', lease.gateway);
      Object.assign(n, { dhcp: true, address: lease.address, prefix: Number(lease.prefix) || 24, gateway: lease.gateway || n.gateway });
      n.dns.dhcp = lease.dns ?? [];
    } else {
      const cur = currentIPv4(this.iface);
      if (!cur || cur.address !== cfg.address || cur.prefix !== cfg.prefix) setStatic(this.iface, cfg.address, cfg.prefix, n.gateway);
      else setRoutes(this.iface, cfg.address, cfg.prefix, n.gateway);
      Object.assign(n, { dhcp: false, address: cfg.address, prefix: cfg.prefix });
      if (n.gateway && !sameSubnet(n.gateway, cfg.address, cfg.prefix)) log('gateway', n.gateway, 'is not on the new subnet');
    }
    this.save();
    try { fs.writeFileSync(path.join(this.stateDir, 'address'), `${n.address}\n`); } catch { /* ignore */ }
  }

  async start() {
    fs.mkdirSync(this.stateDir, { recursive: true });
    const n = this.st.net;
    await this.configureNetwork(n.dhcp ? { dhcp: true } : { dhcp: false, address: n.address, prefix: n.prefix });
    if (n.dhcp && this.st.ports.https != null) { /* the certificate names the address we got */ }
    this.save();
    await this.reconcile({ strict: true });
    await this.wsdHello();
    this.upnpSync();
    this.writeRenewFile({ ok: true });
    this.faults = { refuse: this.flag('address-refuse'), vanish: this.flag('address-vanish') };
    this.writeFaultsFile();
    this.faultTimer = setInterval(() => {
      this.faultBusy = this.faultBusy.then(() => this.syncFaults()).catch((e) => log('faults', e.stack ?? e.message));
      this.upnpRenewTick();
    }, FAULT_POLL_MS);
  }

  /** Run service changes (vanish, come back) one at a time. */
  services(fn) {
    const p = this.serviceQueue.then(fn);
    this.serviceQueue = p.catch(() => {});
    return p;
  }

  /**
   * `<state-dir>/faults.json`: which process reads the fault flags (`pid`) and what it does now: `refuse`
   * (address-refuse on), `vanish` (address-vanish on: the next address change is the last thing it answers),
   * `vanished` (it has changed its address and answers nothing), `address`.
   */
  writeFaultsFile() {
    const body = { pid: process.pid, ...this.faults, vanished: this.vanished, address: this.address(), at: new Date().toISOString() };
    this.faultsReported = body.address;
    try {
      const file = path.join(this.stateDir, 'faults.json');
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(body) + '\n');
      fs.renameSync(`${file}.tmp`, file);
    } catch (e) { log('faults.json', e.message); }
  }

  /** One look at the fault flags: report changes (and a new address); a vanished device whose toggle went off comes back. */
  async syncFaults() {
    const now = { refuse: this.flag('address-refuse'), vanish: this.flag('address-vanish') };
    const changed = now.refuse !== this.faults.refuse || now.vanish !== this.faults.vanish;
    this.faults = now;
    if (changed) log('faults', JSON.stringify(now));
    if (this.vanished && !now.vanish) {
      await this.comeBack();
      return;
    }
    if (changed || this.address() !== this.faultsReported) this.writeFaultsFile();
  }

  /**
   * After SetNetworkInterfaces took effect (at once, or at the SystemReboot that applies it): with `address-vanish`
   * on, the device stops every service (its HTTP, ONVIF, RTSP and vendor ports close, WS-Discovery and the other
   * discovery listeners go) and stays silent at its new address. Its address stays on eth0, so ping still answers.
   * @returns {Promise<boolean>} whether it vanished
   */
  vanishIfArmed() {
    return this.services(async () => {
      if (!this.flag('address-vanish')) return false;
      log('address-vanish: now at', this.address(), '- answering nothing until the toggle is off');
      this.vanished = true;
      await this.reconcile({ stopAll: true });
      this.writeFaultsFile();
      return true;
    });
  }

  /** `address-vanish off` after it vanished: every service back on the address eth0 has now, and a Hello. */
  comeBack() {
    return this.services(async () => {
      if (!this.vanished) return;
      const cur = currentIPv4(this.iface);
      if (cur && cur.address !== this.address()) {
        log('address-vanish off: eth0 has', cur.address, 'not', this.address(), '- following eth0');
        Object.assign(this.st.net, { address: cur.address, prefix: cur.prefix });
        this.save();
      }
      log('address-vanish off: answering again at', this.address());
      this.vanished = false;
      await this.reconcile();
      await this.wsdHello();
      this.upnpSync();
      this.writeFaultsFile();
    });
  }

  /**
   * `<state-dir>/renew.json`: which process answers SIGHUP with a renewal (`pid`; lab.mjs signals only that PID)
   * and how the last one went (`count` renewals so far, `ok`, `address`, `previous`, `error`).
   */
  writeRenewFile(extra) {
    const body = { pid: process.pid, count: this.renewCount, dhcp: this.st.net.dhcp, address: this.address(), at: new Date().toISOString(), ...extra };
    try {
      const file = path.join(this.stateDir, 'renew.json');
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(body) + '\n');
      fs.renameSync(`${file}.tmp`, file);
    } catch (e) { log('renew.json', e.message); }
  }

  /**
   * SIGHUP (`lab.mjs sim <host> renew`): run the DHCP client now, as a camera does after a reboot or when its lease
   * runs out, asking for the address it has. A new address moves the listeners that follow it (WS-Discovery, SADP,
   * DHIP, SSDP; the TCP services listen on every address) and is announced: Bye before, Hello after. A device with
   * a fixed address has no lease: it says so in renew.json and changes nothing. Calls during a renewal join it.
   */
  renew() {
    this.renewing ??= this.doRenew().finally(() => { this.renewing = null; });
    return this.renewing;
  }

  async doRenew() {
    const n = this.st.net;
    const previous = n.address;
    if (!n.dhcp) {
      log('renew: fixed address', previous, '- no DHCP lease to renew');
      this.renewCount += 1;
      this.writeRenewFile({ ok: false, previous, error: `it has a fixed address (${previous}), so it has no DHCP lease to renew` });
      return;
    }
    log('renew: asking the DHCP server again for', previous);
    let error = null;
    await this.wsdBye();
    try {
      await this.configureNetwork({ dhcp: true, request: previous });
    } catch (e) {
      error = e.message;
      log('renew failed', e.message);
    }
    await this.reconcile();
    await this.wsdHello();
    this.upnpSync();
    this.renewCount += 1;
    log('renew done', previous, '->', this.address());
    this.writeRenewFile(error ? { ok: false, previous, error: `no DHCP lease (${error})` } : { ok: true, previous });
  }

  async applyNetwork(cfg) {
    log('applying network', cfg);
    await this.wsdBye();
    await this.configureNetwork(cfg);
    this.st.pendingNetwork = null;
    this.save();
    if (await this.vanishIfArmed()) return;
    await this.reconcile();
    await this.wsdHello();
    this.upnpSync();
  }

  applyGateway() {
    const n = this.st.net;
    setRoutes(this.iface, n.address, n.prefix, n.gateway);
  }

  async applyProtocols(changes) {
    const { ports, enabled } = this.projected(changes);
    log('applying protocols', changes);
    this.st.ports = ports;
    this.st.enabled = enabled;
    this.save();
    await this.reconcile();
    await this.wsdHello();
    this.upnpSync();
  }

  async reboot() {
    log('rebooting');
    await this.wsdBye();
    await this.reconcile({ stopAll: true });
    await sleep(1200);
    const applied = !!this.st.pendingNetwork;
    if (this.st.pendingNetwork) {
      try { await this.configureNetwork(this.st.pendingNetwork); } catch (e) { log('network config after reboot failed', e.message); }
      this.st.pendingNetwork = null;
    }
    this.st.instanceId += 1;
    this.bootTime = new Date();
    this.save();
    if (applied && (await this.vanishIfArmed())) {
      log('reboot done; silent (address-vanish)');
      return;
    }
    await this.reconcile();
    await this.wsdHello();
    this.upnpSync();
    log('reboot done');
  }

  async stop() {
    if (this.faultTimer) clearInterval(this.faultTimer);
    for (const t of this.timers) clearTimeout(t);
    try { await this.wsdBye(); } catch { /* ignore */ }
    await this.reconcile({ stopAll: true });
  }
}
