// Types for testkit.mjs (and the topology it re-exports), for the TypeScript test suites.
export const PREFIX: string;
export function ns(host: string): string;
export const LAN: { cidr: string; prefix: number; gateway: string; dhcpFrom: string; dhcpTo: string; domain: string };
export const OTHER: { cidr: string; prefix: number; client: string; peer: string };
export const WAN: {
  cidr: string; prefix: number; host: string; routerWan: string; carrierWan: string;
  checker: string; stun: string; stunAlt: string; dns: string; ddns: string;
};
export const CGNAT: { cidr: string; prefix: number; carrier: string; routerWan: string };
export const DDNS_ZONE: string;
export const DDNS_ACCOUNTS: { user: string; password: string; token: string; hosts: string[] }[];
export const DDNS_BLOCKED: string[];
export const ROUTER: { lan: string; upnpHttpPort: number; natpmpPort: number };
export const INFRA_MACS: Record<string, string>;
export interface SimulatorEntry { host: string; profile: string; ip: string; mac: string; name: string; upnp: boolean; clockOffset?: number; ports: Record<string, number> }
export const SIMULATORS: SimulatorEntry[];
export const ROGUE: { host: string; ip: string; mac: string };
export const CLIENT: { host: string; ip: string; mac: string };
export const SCALE: { host: string; count: number; mac: string };
export const SIM_USERS: { user: string; password: string; level: string; locked?: boolean }[];
export function scaleAddresses(): string[];
export const PROFILES: string[];
export const RUN_DIR: string;

export interface HostPlan { host: string; ns: string; role: string; resolver: string; ifaces: { name: string; mac?: string; addrs: string[] }[]; routes: string[]; sysctls: Record<string, string> }
export interface Plan {
  profile: string; hosts: HostPlan[];
  veths: { a: { host: string; ifname: string }; b: { host: string; ifname: string } }[];
  bridge: { host: string; name: string; mac: string; addr: string; ports: string[] };
  sims: { host: string; ip: string; mac: string; name: string; profile: string; upnp: boolean; count?: number }[];
  routerWanIf: string; routerWanAddr: string; publicAddr: string;
}
export function buildPlan(profile?: string): Plan;
export function hostCollisions(plan: Plan, host: { interfaces: string[]; namespaces: string[] }): string[];
export function allLabNamespaces(): string[];
export function createdNames(plan: Plan): { namespaces: string[]; interfaces: string[] };

export interface RunResult { code: number; stdout: string; stderr: string }
export interface LabState {
  profile: string; phase: 'building' | 'up'; startedAt: string; namespaces: string[];
  processes: { name: string; ns: string; pid: number; cmd: string; log: string }[]; netnsDirs: string[];
}
export const LAB_CLI: string;
export const PROBE: string;
export const STATE_PATH: string;
export function lab(args: string[], opts?: { timeoutMs?: number; env?: Record<string, string> }): RunResult & { signal: string | null };
export function inNs(host: string, cmd: string, args?: string[], opts?: { timeoutMs?: number; input?: string }): RunResult;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function probe(host: string, args: string[], opts?: { timeoutMs?: number }): any;
export function httpGet(host: string, url: string, opts?: { user?: string; timeoutS?: number }): { status: number; body: string };
export function startInNs(host: string, cmd: string, args: string[], opts?: { readyLine?: string; timeoutMs?: number }): Promise<{ pid: number; stop: () => Promise<void>; output: () => string }>;
export function pollUntil<T>(fn: () => T | Promise<T>, opts?: { timeoutMs?: number; intervalMs?: number; what?: string }): Promise<NonNullable<T>>;
export function readLabState(): LabState | null;
export function netnsList(): string[];
export function pidAlive(pid: number): boolean;
export function pidNetns(pid: number): string;
export function startSimPair(
  name: string,
  opts: { devAddresses: string[]; clientAddress: string; simArgs: string[]; readyTimeoutMs?: number },
): Promise<{ dev: string; cli: string; stateDir: string; stop: () => Promise<void> }>;
