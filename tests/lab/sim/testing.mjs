// One import point for the TypeScript test suites (types in testing.d.mts).
export { parseXml, find, findAll, text } from './xml.mjs';
export { createDigest, verifyUsernameToken, usernameTokenXml, parseAuthParams, passwordDigest } from './auth.mjs';
export { parseDiscovery, probeMatches, probeMatchesXml } from './wsd.mjs';
export { NS } from './soap.mjs';
export { handleOnvif } from './onvif-device.mjs';
export { Device } from './device.mjs';
export { dhipPacket, parseDhip, notifyDevInfo } from './dhip.mjs';
export { parseSadpProbe, sadpProbeMatchXml } from './sadp.mjs';
export { VARIANTS as ROGUE_VARIANTS } from './rogue.mjs';
export { PROFILES as SIM_PROFILES, serialFor } from './profiles.mjs';
export { SIMULATORS, SIM_USERS, ROGUE, CLIENT, LAN, RUN_DIR, ns, scaleAddresses } from '../topology.mjs';
import { SCALE } from '../topology.mjs';
export const SCALE_MAC = SCALE.mac;
