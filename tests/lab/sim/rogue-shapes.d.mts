// Types for rogue-shapes.mjs (the rogue host's hostile payloads), for the TypeScript test suites.
export const ROGUE_PORTS: {
  onvifEscapes: number;
  onvifEscapesLegal: number;
  onvifNsBomb: number;
  onvifNsBombLate: number;
  onvifAttrFlood: number;
  onvifNsBombNested: number;
  upnp: number;
  banner: number;
  telnet: number;
};
export const HOSTILE_TEXT: string;
export const HOSTILE_SCOPE: string;
export const HOSTILE_CHARREFS: string;
export const HOSTILE_LEGAL: string;
export const SIM_SHIELD: string;
export const TELNET_GREETING: string;
export function onvifNsBomb(body?: string): string;
export function onvifNestedNsBomb(): string;
export function onvifAttrFlood(): string;
export function upnpNsBomb(udn: string): string;
export function upnpNestedNsBomb(udn: string): string;
export function upnpAttrFlood(udn: string, opts?: { size?: number }): string;
export function upnpEscapes(udn: string): string;
export function tagSoupPage(bytes: number): string;
