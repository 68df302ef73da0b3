// Per-brand personalities of the simulated devices. Ports come from topology SIMULATORS (or CLI defaults);
// what is here is what a brand looks like on the wire.
import crypto from 'node:crypto';

export const PROFILES = {
  hikvision: {
    manufacturer: 'HIKVISION',
    firmware: 'V4.61.025 build 230616',
    hardwareId: '88',
    serverHeader: 'App-webs/',
    realm: 'IP Camera', // digest realm family used by Hikvision ONVIF (npm onvif documents "IP Camera")
    title: 'Hikvision Login',
    loginPath: '/doc/page/login.asp',
    rebootNeeded: false, // Hikvision answers RebootNeeded=false and moves at once
    rtsp: { uris: ['/Streaming/Channels/101', '/Streaming/Channels/102'] },
    discovery: ['wsd', 'sadp'],
    defaults: { http: 80, https: 443, rtsp: 554, sdk: 8000, onvif: 80 },
    upnp: { descPath: '/upnpdevicedesc.xml', server: 'Linux/3.0.8, UPnP/1.0, Hikvision-Webs', label: 'Hikvision' },
    tz: 'CST-8:00:00',
  },
  dahua: {
    manufacturer: 'Dahua',
    firmware: '4.001.0000000.5.R, Build Date 2023-08-10',
    hardwareId: '1.00',
    serverHeader: 'Webs',
    realm: 'Login to 4K02F8PAZA00000',
    title: 'WEB SERVICE',
    loginPath: '/',
    rebootNeeded: true, // Dahua asks for a reboot before the new address takes effect
    rtsp: { uris: ['/cam/realmonitor?channel=1&subtype=0', '/cam/realmonitor?channel=1&subtype=1'] },
    discovery: ['wsd', 'dhip'],
    defaults: { http: 80, https: 443, rtsp: 554, sdk: 37777, onvif: 80 },
    upnp: { descPath: '/DeviceDescription.xml', server: 'Linux/2.6, UPnP/1.0, Dahua Device/1.0', label: 'Dahua' },
    tz: 'GMT+00:00',
    anonHostname: true, // Dahua answers GetHostname without credentials (libonvif's example shows it)
  },
  reolink: {
    manufacturer: 'Reolink',
    firmware: 'v3.3.0.282_23091500',
    hardwareId: 'N7MB01',
    serverHeader: 'nginx',
    realm: 'Reolink',
    title: 'Reolink',
    loginPath: '/',
    rebootNeeded: false,
    rtsp: { uris: ['/h264Preview_01_main', '/h264Preview_01_sub'] },
    discovery: ['wsd'],
    defaults: { http: 80, https: 443, rtsp: 554, onvif: 8000, media: 9000 },
    upnp: { descPath: '/upnp/desc.xml', server: 'Linux/4.9, UPnP/1.0, Reolink/1.0', label: 'Reolink' },
    tz: 'UTC0',
  },
  generic: {
    manufacturer: 'IPCAM',
    firmware: 'V2.8.1.0',
    hardwareId: 'HI3516EV300',
    serverHeader: 'Boa/0.94.14rc21',
    realm: 'IPCamera',
    title: 'IPCamera Login',
    loginPath: '/',
    rebootNeeded: true,
    rtsp: { uris: ['/stream1', '/stream2'] },
    discovery: ['wsd'],
    defaults: { http: 80, rtsp: 554, onvif: 80 },
    upnp: { descPath: '/upnp/desc.xml', server: 'Linux/3.4, UPnP/1.0, Portable SDK for UPnP devices/1.6.6', label: 'IPCam' },
    tz: 'UTC0',
  },
  // A camera whose ONVIF service has a port of its own (8081) that answers 404 to `GET /`, beside its web page on
  // 80, and that answers WS-Discovery from an ephemeral source port (issue 18). Not in the home topology: tests
  // start it in namespaces of their own (startSimPair).
  onvifport: {
    manufacturer: 'IPCAM',
    firmware: 'V5.2.0',
    hardwareId: 'SSC335',
    serverHeader: 'lighttpd/1.4.59',
    realm: 'IPCamera',
    title: 'IPCamera Login',
    loginPath: '/',
    rebootNeeded: true,
    rtsp: { uris: ['/live/ch0', '/live/ch1'] },
    discovery: ['wsd'],
    wsdEphemeralSource: true,
    defaults: { http: 80, rtsp: 554, onvif: 8081 },
    upnp: { descPath: '/upnp/desc.xml', server: 'Linux/4.9, UPnP/1.0, IPCam/1.0', label: 'IPCam' },
    tz: 'UTC0',
  },
};

/** A stable RFC 4122-shaped UUID derived from a seed (the MAC). */
export function stableUuid(seed) {
  const h = crypto.createHash('sha1').update(`nvr-sim:${seed}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export function serialFor(profile, model, mac) {
  const tail = mac.replace(/:/g, '').toUpperCase();
  switch (profile) {
    case 'hikvision': return `${model}0820231201CCRR${tail.slice(4)}WCVU`;
    case 'dahua': return `8F0${tail.slice(4)}A`;
    case 'reolink': return `19221${tail.slice(6)}0000`;
    default: return `IPC${tail}`;
  }
}
