import { z } from 'zod';
import { NO_WIREGUARD_FAMILIES, VPN_SERVER_KINDS } from '../catalog/vpn-servers';
// The shapes, not the rules: the pages load this contract, and the rules say their words with the whole catalogue.
import { vpnCheckSchema } from '../domain/vpn-check-shapes';
import { vpnPlanSchema } from '../domain/vpn-plan-shapes';
import { defineStep } from './define';
import { noInput } from './fields';

/** The servers and router families a plan can be asked for. */
export const VPN_SERVER_CHOICES = [...VPN_SERVER_KINDS, ...NO_WIREGUARD_FAMILIES] as const;

const peerName = z.string().min(1).max(40);
/** A file the user names for a config or a QR code (main writes it owner-only). */
const outFile = z.string().min(1).max(1024);
const written = z.object({ file: z.string().max(1024), bytes: z.number().int().min(0) });

/** What the user asked the plan for (kept, so the next plan and the page start from it). */
export const vpnRequestSchema = z.object({
  server: z.enum(VPN_SERVER_CHOICES),
  peers: z.array(peerName).min(1).max(32),
  /** The DDNS name the devices dial (else the public address the Internet step measured). */
  endpoint: z.string().max(253).nullable(),
  /** A tunnel subnet the user chose (else the first free usual one). */
  tunnel: z.string().max(18).nullable(),
  /** Linux server: its LAN address (the router forwards one UDP port to it). */
  serverLanAddress: z.string().max(15).nullable(),
});
export type VpnRequest = z.infer<typeof vpnRequestSchema>;

/**
 * "VPN": a WireGuard tunnel planned (server, tunnel subnet, endpoint, one peer per device by PUBLIC key), its configs
 * and QR codes written to the files the user names (owner-only). Private keys never cross the contract: they live in
 * main's owner-only key file and in the files written.
 */
export const vpnStep = defineStep({
  id: 'vpn',
  title: 'VPN',
  available: true,
  invoke: {
    /** Makes the plan (keys for new devices made and kept in main); the request and the plan are kept. */
    'vpn.plan': {
      input: z
        .object({
          server: z.enum(VPN_SERVER_CHOICES),
          peers: z.array(peerName).max(32).optional(),
          endpoint: z.string().max(253).optional(),
          tunnel: z.string().max(18).optional(),
          serverLanAddress: z.string().max(15).optional(),
        })
        .strict(),
      output: vpnPlanSchema,
    },
    /** Writes the server's config or a device's to `out` (atomically, 0600). Returns where and how much, never the text. */
    'vpn.config': {
      input: z.object({ which: peerName, out: outFile }).strict(),
      output: written,
    },
    /** Writes a device's config as a QR code (PNG) to `out` (atomically, 0600). */
    'vpn.qr': {
      input: z.object({ peer: peerName, out: outFile }).strict(),
      output: written,
    },
    /**
     * The check from inside once the server is set up: a WireGuard handshake made with a device's keys sent to the
     * server (its LAN address, or `to`), the name the devices dial against the public address, and the last proof
     * from outside (no NVR port should be reachable); plus the test only a phone on mobile data can make.
     */
    'vpn.check': {
      input: z
        .object({
          peer: peerName.optional(),
          to: z.string().max(15).optional(),
          port: z.number().int().min(1).max(65535).optional(),
          /** Ask the checker now (the proof from outside, saved as the Internet step's) instead of using the last proof. */
          prove: z.boolean().optional(),
        })
        .strict(),
      output: vpnCheckSchema,
    },
    /** The last plan and request (public keys only). */
    'vpn.get': {
      input: noInput,
      output: z.object({ plan: vpnPlanSchema.nullable(), request: vpnRequestSchema.nullable() }),
    },
  },
  record: {
    version: 1,
    shape: {
      /** The VPN step: what the user asked for and the last plan (public keys only; private keys are never here). */
      vpn: z.object({
        request: vpnRequestSchema.nullable().default(null),
        plan: vpnPlanSchema.nullable().default(null),
      }),
    },
    empty: () => ({ vpn: { request: null, plan: null } }),
  },
});
