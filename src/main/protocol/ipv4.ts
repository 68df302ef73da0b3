// The pure IPv4 helpers live in src/shared/domain/ipv4.ts (main and the renderer both use them); this module keeps
// the codecs' and services' imports where they were.
export {
  broadcastNumber,
  broadcastOf,
  classifyIpv4,
  compareIpv4,
  formatIpv4,
  hostCount,
  hostRange,
  inSubnet,
  isPrefix,
  maskOf,
  netmaskOf,
  networkNumber,
  networkOf,
  parseIpv4,
  prefixFromNetmask,
  subnetOf,
  type Ipv4Class,
} from '../../shared/domain/ipv4';
