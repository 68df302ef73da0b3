// The VPN step's service: the keys (made here, kept in an owner-only key file beside the setup record — never in
// the record, a log, JSON output or argv), the plan (pure planVpn, plus the DNS check of the endpoint name), and the
// configs and QR codes written to the files the user names, atomically and owner-only (0600).
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { peerConfig, serverConfig } from '../../../shared/domain/vpn-configs';
import {
  checkPeerNames,
  isWgKey,
  planVpn,
  type VpnFinding,
  type VpnPlan,
  type VpnPlanInput,
} from '../../../shared/domain/vpn-plan';
import { judgeVpnCheck, type VpnCheck } from '../../../shared/domain/vpn-check';
import { vpnSaid } from '../../../shared/domain/vpn-said';
import { english } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';
import type { OutsideProof } from '../../../shared/domain/outside-proof';
import { writeAtomically } from '../setup/atomic-write';
import { probeWireGuard, type ProbeResult } from './vpn-probe';
import { generateKeyPair, publicKeyOf, type WgKeyPair } from './wg-keys';

/** The key file: the server's pair and each device's, by name. Owner-only; never sent anywhere. */
interface KeyFile {
  version: 1;
  server: WgKeyPair;
  peers: Record<string, WgKeyPair>;
}

export interface VpnServiceOptions {
  /** Where the keys are kept (e.g. <data folder>/vpn-keys.json). */
  keysFile: string;
  /** Resolves a name to its IPv4 addresses (tests: a fake; default: the system's resolver, 3 s at most). */
  resolve?: (host: string) => Promise<string[]>;
  /** Makes a key pair (tests: fixed keys). */
  makeKeys?: () => WgKeyPair;
  /** The handshake exchange (tests: a fake; default: a real one over UDP). */
  probe?: typeof probeWireGuard;
}

/** What the check from inside is asked: whom to send the handshake to, as which device, and what else is known. */
export interface VpnCheckRequest {
  /** The server's address to send the handshake to (its LAN address, or the public one to test the forward). */
  address: string;
  /** Its UDP port (default: the plan's). */
  port?: number;
  /** The device whose keys make the handshake (default: the plan's first). */
  peer?: string;
  publicAddress: string | null;
  proof: OutsideProof | null;
  nvrAddress: string | null;
  signal?: AbortSignal;
  at: () => Date;
}

export type VpnPlanRequest = Omit<VpnPlanInput, 'peers' | 'serverPublicKey'> & { peers: readonly string[] };

/**
 * A failure in plain words (the feature turns it into the contract's error): main's English sentence, and beside it
 * the same said by the catalogue's key and values (vpn.failures, vpn.said), for each front end's language.
 */
export class VpnError extends Error {
  override name = 'VpnError';
  constructor(
    message: string,
    readonly said?: Said,
  ) {
    super(message);
  }
}

/** A failure said by key, its English made from the same key and values. */
const refusal = (words: Said): VpnError => new VpnError(english(words), words);
/** What a failure tells the user to run again, as typed. */
const PLAN_AGAIN = { command: 'vpn plan' } as const;

const RESOLVE_MS = 3000;

async function systemResolve(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), RESOLVE_MS);
  });
  try {
    const found = await Promise.race([lookup(host, { all: true, family: 4 }), timeout]);
    return found.map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
}

/** Writes bytes the way writeAtomically writes text: a temporary owner-only file in the same folder, flushed, renamed. */
export async function writeBytesAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await fsp.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** The plan's devices, as a failure lists them. */
const devicesOf = (plan: VpnPlan): string => plan.peers.map((p) => p.name).join(', ');

export function createVpnService(options: VpnServiceOptions) {
  const resolve = options.resolve ?? systemResolve;
  const makeKeys = options.makeKeys ?? generateKeyPair;

  async function readKeys(): Promise<KeyFile | null> {
    let text: string;
    try {
      text = await fsp.readFile(options.keysFile, 'utf8');
    } catch {
      return null;
    }
    try {
      const k = JSON.parse(text) as KeyFile;
      const good = (p: WgKeyPair | undefined) =>
        !!p && isWgKey(p.privateKey) && isWgKey(p.publicKey) && publicKeyOf(p.privateKey) === p.publicKey;
      if (k.version !== 1 || !good(k.server) || typeof k.peers !== 'object' || k.peers === null) return null;
      for (const v of Object.values(k.peers)) if (!good(v)) return null;
      return k;
    } catch {
      return null;
    }
  }

  /** The keys for these devices: the ones kept, new ones for new names; a device no longer named is dropped. */
  async function keysFor(names: readonly string[]): Promise<KeyFile> {
    const kept = await readKeys();
    const next: KeyFile = { version: 1, server: kept?.server ?? makeKeys(), peers: {} };
    for (const name of names) next.peers[name] = kept?.peers[name] ?? makeKeys();
    const same =
      kept &&
      kept.server.privateKey === next.server.privateKey &&
      JSON.stringify(Object.keys(kept.peers)) === JSON.stringify(names) &&
      names.every((n) => kept.peers[n] === next.peers[n]);
    if (!same) await writeAtomically(options.keysFile, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }

  /** The endpoint name checked: it resolves, and to the public address measured (when one is). */
  async function endpointFindings(plan: VpnPlan, publicAddress: string | null): Promise<VpnFinding[]> {
    if (plan.endpoint?.kind !== 'ddns') return [];
    const host = plan.endpoint.host;
    let found: string[];
    try {
      found = await resolve(host);
    } catch {
      found = [];
    }
    if (found.length === 0)
      return [
        {
          code: 'endpoint-unresolved',
          severity: 'problem',
          ...vpnSaid(said('vpn.said.findings.endpointUnresolved', { host })),
        },
      ];
    if (publicAddress && !found.includes(publicAddress))
      return [
        {
          code: 'endpoint-elsewhere',
          severity: 'warning',
          ...vpnSaid(
            said('vpn.said.findings.endpointElsewhere', {
              host,
              addresses: found.slice(0, 3).join(', '),
              address: publicAddress,
            }),
          ),
        },
      ];
    return [];
  }

  return {
    /** The plan for these devices (keys made for new names and kept), the endpoint name checked. */
    async plan(request: VpnPlanRequest): Promise<VpnPlan> {
      const names = checkPeerNames(request.peers);
      if (!names.ok) throw new VpnError(names.error, names.said);
      const keys = await keysFor(names.names);
      const r = planVpn({
        ...request,
        peers: names.names.map((name) => ({ name, publicKey: keys.peers[name]!.publicKey })),
        serverPublicKey: keys.server.publicKey,
      });
      if (!r.ok) throw new VpnError(r.error, r.said);
      const more = await endpointFindings(r.plan, request.publicAddress ?? null);
      return { ...r.plan, findings: [...r.plan.findings, ...more].slice(0, 16) };
    },

    /** The text of `server` or a device's config, with its private key from the key file (checked against the plan). */
    async configText(plan: VpnPlan, which: string): Promise<string> {
      if (plan.mode === 'overlay') throw refusal(said('vpn.failures.overlayNoServer'));
      if (plan.mode === 'none') throw refusal(said('vpn.failures.noRouterServer', { option: '--server linux' }));
      if (which === 'server' && !plan.config) throw refusal(said('vpn.failures.routerMakesConfigs'));
      const keys = await readKeys();
      if (!keys) throw refusal(said('vpn.failures.keysMissing', PLAN_AGAIN));
      if (which === 'server') {
        if (keys.server.publicKey !== plan.serverPublicKey)
          throw refusal(said('vpn.failures.serverKeyChanged', PLAN_AGAIN));
        return serverConfig(plan, keys.server.privateKey);
      }
      const peer = plan.peers.find((p) => p.name === which);
      if (!peer) throw refusal(said('vpn.failures.notADevice', { name: which.slice(0, 40), devices: devicesOf(plan) }));
      const pair = keys.peers[which];
      if (!pair || pair.publicKey !== peer.publicKey)
        throw refusal(said('vpn.failures.deviceKeyChanged', { name: which, ...PLAN_AGAIN }));
      if (!plan.endpoint) throw refusal(said('vpn.failures.noEndpoint'));
      return peerConfig(plan, which, pair.privateKey);
    },

    /**
     * The check from inside (after the user set the server up): a handshake with a device's keys, the endpoint name
     * against the public address, the last proof from outside; the private key is read here and used for one packet.
     */
    async check(plan: VpnPlan, req: VpnCheckRequest): Promise<VpnCheck> {
      if (plan.mode !== 'wireguard' || !plan.serverPublicKey || !plan.listenPort)
        throw refusal(said('vpn.failures.noServerToCheck'));
      const peer = req.peer ? plan.peers.find((p) => p.name === req.peer) : plan.peers[0];
      if (!peer)
        throw refusal(
          said('vpn.failures.notADevice', { name: (req.peer ?? '').slice(0, 40), devices: devicesOf(plan) }),
        );
      const keys = await readKeys();
      const pair = keys?.peers[peer.name];
      if (!keys || keys.server.publicKey !== plan.serverPublicKey || !pair || pair.publicKey !== peer.publicKey)
        throw refusal(said('vpn.failures.keysMissingOrChanged', PLAN_AGAIN));
      const port = req.port ?? plan.listenPort;
      const probe = options.probe ?? probeWireGuard;
      const [answer, resolved] = await Promise.all([
        probe({
          address: req.address,
          port,
          serverPublicKey: plan.serverPublicKey,
          peerPrivateKey: pair.privateKey,
          ...(req.signal ? { signal: req.signal } : {}),
        }).catch((): ProbeResult => ({ answer: 'silent', ms: null, attempts: 0 })),
        plan.endpoint?.kind === 'ddns' ? resolve(plan.endpoint.host).catch(() => []) : Promise.resolve(null),
      ]);
      return judgeVpnCheck({
        at: req.at(),
        server: { address: req.address, port, peer: peer.name, ...answer },
        endpoint: plan.endpoint,
        resolved,
        publicAddress: req.publicAddress,
        proof: req.proof,
        nvrAddress: req.nvrAddress,
      });
    },

    /** Writes `server` or a device's config to `file`: atomically, owner-only (0600). */
    async writeConfig(plan: VpnPlan, which: string, file: string): Promise<{ file: string; bytes: number }> {
      const text = `${await this.configText(plan, which)}\n`;
      await writeAtomically(file, text).catch(() => {
        throw refusal(said('vpn.failures.cannotWrite'));
      });
      return { file, bytes: Buffer.byteLength(text) };
    },

    /** A device's config as a QR code (PNG) for the WireGuard app, written to `file` owner-only (0600). */
    async writeQr(plan: VpnPlan, peer: string, file: string): Promise<{ file: string; bytes: number }> {
      if (peer === 'server') throw refusal(said('vpn.failures.qrForServer'));
      const png = await qrPng(await this.configText(plan, peer));
      await writeBytesAtomically(file, png).catch(() => {
        throw refusal(said('vpn.failures.cannotWrite'));
      });
      return { file, bytes: png.length };
    },
  };
}

export type VpnService = ReturnType<typeof createVpnService>;

/** A config as a QR code in PNG (error correction M, 4-module quiet zone, 6 pixels a module). */
export async function qrPng(text: string): Promise<Buffer> {
  // Loaded when a code is made, not with the app (every command would pay for it).
  const QRCode = (await import('qrcode')).default;
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}
