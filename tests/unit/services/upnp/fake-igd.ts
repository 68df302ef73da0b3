// A scripted router for the UPnP service tests: an HttpTransport that reads each SOAP request as a router would
// (action from the SOAPAction header, arguments from the body) and answers from a script, recording every request.
// Replies are built in the recorded lab miniupnpd's shapes (tests/fixtures/upnp-igd).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml, textOf } from '../../../../src/main/protocol/xml';
import { HttpLimitError, type HttpTransport, type LimitedResponse } from '../../../../src/main/transport/http';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'upnp-igd');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  /** The SOAP action (from the SOAPAction header), or null for a GET. */
  action: string | null;
  args: Record<string, string>;
}

export type Answer = { status?: number; body: string | Buffer } | HttpLimitError | Error;
export type Script = (req: SeenRequest) => Answer | Promise<Answer>;

export function fakeHttp(script: Script): HttpTransport & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  return {
    seen,
    async request(url, options) {
      const headers = options.headers ?? {};
      const soapAction = headers.soapaction ?? '';
      const action = /#([^"]+)"$/.exec(soapAction)?.[1] ?? null;
      const args: Record<string, string> = {};
      if (options.body) {
        const r = parseXml(options.body);
        const el = r.ok ? r.root.children[0]?.children[0] : undefined;
        for (const c of el?.children ?? []) args[c.name] = textOf(c);
      }
      const req: SeenRequest = {
        url: url.href,
        method: options.method ?? 'GET',
        headers,
        body: options.body ?? '',
        timeoutMs: options.timeoutMs,
        maxBytes: options.maxBytes,
        signal: options.signal,
        action,
        args,
      };
      seen.push(req);
      const answer = await script(req);
      if (answer instanceof Error) throw answer;
      const res: LimitedResponse = {
        status: answer.status ?? 200,
        headers: {},
        body: Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body),
      };
      return res;
    },
  };
}

const SERVICE = 'urn:schemas-upnp-org:service:WANIPConnection:2';
const SOAP_HEAD =
  '<?xml version="1.0"?>\r\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" ' +
  's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>';
const SOAP_TAIL = '</s:Body></s:Envelope>\r\n';

/** A successful reply to `action` with these out-arguments. */
export function ok(action: string, values: Record<string, string | number>): Answer {
  const inner = Object.entries(values)
    .map(([k, v]) => `<${k}>${String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${k}>`)
    .join('');
  return { body: `${SOAP_HEAD}<u:${action}Response xmlns:u="${SERVICE}">${inner}</u:${action}Response>${SOAP_TAIL}` };
}

/** A UPnP error, as miniupnpd sends it (HTTP 500). */
export function upnpFault(code: number, description = 'Error'): Answer {
  return {
    status: 500,
    body:
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">' +
      '<s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>' +
      `<UPnPError xmlns="urn:schemas-upnp-org:control-1-0"><errorCode>${code}</errorCode>` +
      `<errorDescription>${description}</errorDescription></UPnPError></detail></s:Fault></s:Body></s:Envelope>\n`,
  };
}

export interface Entry {
  port: number;
  protocol?: 'TCP' | 'UDP';
  client?: string;
  internalPort?: number;
  description?: string;
  remoteHost?: string;
  lease?: number;
}

/** GetGenericPortMappingEntry's reply for one entry. */
export function entryReply(e: Entry): Answer {
  return ok('GetGenericPortMappingEntry', {
    NewRemoteHost: e.remoteHost ?? '',
    NewExternalPort: e.port,
    NewProtocol: e.protocol ?? 'TCP',
    NewInternalPort: e.internalPort ?? e.port,
    NewInternalClient: e.client ?? '192.168.1.64',
    NewEnabled: 1,
    NewPortMappingDescription: e.description ?? `map ${e.port}`,
    NewLeaseDuration: e.lease ?? 0,
  });
}

/** GetListOfPortMappings' reply: the entries as a CDATA NewPortListing, as miniupnpd sends it. */
export function listReply(entries: Entry[], { minimal = false } = {}): Answer {
  const items = entries
    .map((e) =>
      minimal
        ? // only the values a mapping needs, so that a few hundred fit in one reply
          `<p:PortMappingEntry><p:NewExternalPort>${e.port}</p:NewExternalPort><p:NewProtocol>${e.protocol ?? 'TCP'}</p:NewProtocol>` +
          `<p:NewInternalPort>${e.port}</p:NewInternalPort><p:NewInternalClient>10.0.0.2</p:NewInternalClient></p:PortMappingEntry>`
        : '<p:PortMappingEntry>' +
          `<p:NewRemoteHost>${e.remoteHost ?? ''}</p:NewRemoteHost><p:NewExternalPort>${e.port}</p:NewExternalPort>` +
          `<p:NewProtocol>${e.protocol ?? 'TCP'}</p:NewProtocol><p:NewInternalPort>${e.internalPort ?? e.port}</p:NewInternalPort>` +
          `<p:NewInternalClient>${e.client ?? '192.168.1.64'}</p:NewInternalClient><p:NewEnabled>1</p:NewEnabled>` +
          `<p:NewDescription>${e.description ?? `map ${e.port}`}</p:NewDescription><p:NewLeaseTime>${e.lease ?? 0}</p:NewLeaseTime>` +
          '</p:PortMappingEntry>',
    )
    .join('');
  return {
    body:
      `${SOAP_HEAD}<u:GetListOfPortMappingsResponse xmlns:u="${SERVICE}"><NewPortListing><![CDATA[` +
      `<p:PortMappingList xmlns:p="urn:schemas-upnp-org:gw:WANIPConnection">${items}</p:PortMappingList>` +
      `]]></NewPortListing></u:GetListOfPortMappingsResponse>${SOAP_TAIL}`,
  };
}

/** A router's mapping list answered entry by entry: the entries in order, then 713. */
export function genericList(entries: Entry[]): (req: SeenRequest) => Answer {
  return (req) => {
    const i = Number(req.args.NewPortMappingIndex);
    const e = entries[i];
    return e ? entryReply(e) : upnpFault(713, 'SpecifiedArrayIndexInvalid');
  };
}
