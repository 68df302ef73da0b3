// Loose types for the simulator modules used by tests/integration/sim-*.test.ts.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface XmlNode { name: string; prefix: string; local: string; ns: string; attrs: Record<string, string>; children: XmlNode[]; text: string }
/** root is only meaningful when ok is true. */
export function parseXml(input: string | Buffer, limits?: { maxBytes: number; maxDepth: number; maxNodes: number }): { ok: boolean; root: XmlNode; error?: string };
export function find(node: XmlNode | null | undefined, ns: string | null, local: string): XmlNode | null;
export function findAll(node: XmlNode | null | undefined, ns: string | null, local: string): XmlNode[];
export function text(node: XmlNode | null | undefined): string;
export function createDigest(opts: { realm: string; now?: () => number; nonceTtlMs?: number }): {
  challenge(stale?: boolean): string;
  verify(header: string | undefined, method: string, users: SimUser[]): { ok: boolean; reason?: string; user?: SimUser };
};
export function verifyUsernameToken(header: XmlNode, users: SimUser[], deviceNowMs: number): { ok: boolean; reason?: string; detail?: string };
export function usernameTokenXml(user: string, password: string, createdIso: string, nonce?: Buffer): string;
export function passwordDigest(nonceB64: string, created: string, password: string): string;
export function parseAuthParams(header: string): Record<string, string>;
export function parseDiscovery(buf: Buffer): any;
export function probeMatches(probe: any, scopes: string[]): boolean;
export function probeMatchesXml(m: { messageId: string; relatesTo: string; instanceId: number; messageNumber: number; epr: string; scopes: string[]; xaddrs: string[] }): string;
export const NS: Record<'env' | 'soap11' | 'tds' | 'trt' | 'tt' | 'ter' | 'dn' | 'wsa' | 'd' | 'wsse' | 'wsu', string>;
export function handleOnvif(dev: any, req: { bodyText: string; authorization?: string; method?: string }): { status: number; body: string; headers: Record<string, string>; fault?: string };
export const Device: new (opts: Record<string, unknown>) => any;
export function dhipPacket(obj: unknown, opts?: { session?: number; id?: number }): Buffer;
export function parseDhip(buf: Buffer): { ok: true; session: number; id: number; json: any } | { ok: false; error: string };
export function notifyDevInfo(d: Record<string, unknown>): any;
export function parseSadpProbe(buf: Buffer): { ok: boolean; uuid?: string; types?: string; error?: string };
export function sadpProbeMatchXml(d: Record<string, unknown>, uuid: string): string;
export const ROGUE_VARIANTS: Record<string, (ip: string, relatesTo: string) => { payload: string; delayMs?: number }[]>;
export const SIM_PROFILES: Record<string, { manufacturer: string; firmware: string; serverHeader: string; title: string; rebootNeeded: boolean; rtsp: { uris: string[] }; discovery: string[] }>;
/** The serial number a simulator reports (GetDeviceInformation, SADP, DHIP). */
export function serialFor(profile: string, model: string, mac: string): string;
export interface SimUser { user: string; password: string; level: string; locked?: boolean }
export interface SimulatorEntry { host: string; profile: string; ip: string; mac: string; name: string; upnp: boolean; clockOffset?: number; ports: Record<string, number> }
export const SIMULATORS: SimulatorEntry[];
export const SIM_USERS: SimUser[];
export const ROGUE: { host: string; ip: string; mac: string };
export const CLIENT: { host: string; ip: string; mac: string };
export const LAN: { cidr: string; prefix: number; gateway: string; dhcpFrom: string; dhcpTo: string; domain: string };
export const RUN_DIR: string;
export function ns(host: string): string;
export function scaleAddresses(): string[];
export const SCALE_MAC: string;
