import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWsdMessage } from '../../../src/main/protocol/ws-discovery';
import { probeWsDiscovery, type WsdFinding } from '../../../src/main/services/discovery/ws-discovery';
import type { Datagram, UdpOpenOptions, UdpTransport } from '../../../src/main/transport/udp';

const NVR_REPLY = readFileSync('tests/fixtures/ws-discovery/hikvision-like.ProbeMatches.xml', 'utf8');
const FAST = { rounds: 2, gapMs: [1, 2] as [number, number], listenMs: 30 };

/** A fake network: each probe sent is answered by the given responders (sender address → reply builder). */
function fakeUdp(
  responders: Array<{ from: string; reply: (messageId: string) => string | Buffer | null }>,
  record: { opened?: UdpOpenOptions; sent: Array<{ to: string; port: number; text: string }> },
): UdpTransport {
  return {
    async open(options, onDatagram) {
      record.opened = options;
      return {
        async send(data, port, address) {
          const text = Buffer.from(data as Uint8Array).toString();
          record.sent.push({ to: address, port, text });
          const probe = parseWsdMessage(text);
          const id = probe.ok && probe.message.kind === 'probe' ? probe.message.messageId : null;
          for (const r of responders) {
            const reply = r.reply(id ?? '');
            if (reply !== null)
              setTimeout(
                () => onDatagram({ data: Buffer.from(reply), from: { address: r.from, port: 3702 } } as Datagram),
                1,
              );
          }
        },
        close() {},
      };
    },
  };
}

const withRelatesTo = (xml: string, id: string) => xml.replace(/urn:uuid:11111111-2222-4333-8444-555555555555/, id);

async function run(responders: Parameters<typeof fakeUdp>[0], signal = new AbortController().signal) {
  const record = { sent: [] as Array<{ to: string; port: number; text: string }> } as Parameters<typeof fakeUdp>[1];
  const findings: WsdFinding[] = [];
  const warnings: string[] = [];
  let n = 0;
  const result = await probeWsDiscovery({
    iface: { name: 'eth0', address: '192.168.50.10', prefix: 24 },
    udp: fakeUdp(responders, record),
    signal,
    onFinding: (f) => findings.push(f),
    onWarning: (w) => warnings.push(w),
    newMessageId: () => `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    timing: FAST,
  });
  return { result, findings, warnings, record };
}

describe('WS-Discovery service', () => {
  it('probes on the chosen interface with all three Types variants, every round', async () => {
    const { record } = await run([]);
    expect(record.opened).toMatchObject({ bindAddress: '192.168.50.10', multicastInterface: '192.168.50.10' });
    expect(record.sent).toHaveLength(6);
    expect(record.sent.every((s) => s.to === '239.255.255.250' && s.port === 3702)).toBe(true);
    expect(record.sent.filter((s) => s.text.includes('NetworkVideoTransmitter'))).toHaveLength(2);
    expect(record.sent.filter((s) => s.text.includes('tds:Device'))).toHaveLength(2);
    expect(record.sent.filter((s) => !s.text.includes('Types'))).toHaveLength(2);
  });

  it('reports each device once, with the XAddr on its own address and the link-local one dropped', async () => {
    const { findings, result } = await run([{ from: '192.168.50.64', reply: (id) => withRelatesTo(NVR_REPLY, id) }]);
    expect(result.devices).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      endpoint: 'urn:uuid:4b5a3c2d-1e0f-4a9b-8c7d-020000c0a840',
      address: '192.168.50.64',
      deviceServiceUrl: 'http://192.168.50.64/onvif/device_service',
      onvif: true,
      source: 'probe',
      scopes: { hardware: 'DS-7608NI-K2', mac: '02:00:c0:a8:32:40' },
    });
    expect(findings[0]!.droppedXAddrs[0]?.reason).toMatch(/self-assigned/);
  });

  it('answers only to our own probes: a reply to someone else’s MessageID is ignored', async () => {
    const { findings } = await run([{ from: '192.168.50.64', reply: () => NVR_REPLY }]);
    expect(findings).toHaveLength(0);
  });

  it('a device that answers only one Types variant is still found', async () => {
    const { findings } = await run([
      {
        from: '192.168.50.65',
        reply: (id) =>
          id.endsWith('2') || id.endsWith('5')
            ? withRelatesTo(NVR_REPLY, id).replace(/020000c0a840/, '020000c0a841')
            : null,
      },
    ]);
    expect(findings).toHaveLength(1);
  });

  it('survives a hostile responder: malformed, entity-laden and off-subnet replies', async () => {
    const hostile = [
      '<not xml',
      '<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><x>&a;</x>',
      Buffer.alloc(60_000, 0x41),
    ];
    let i = 0;
    const { findings, warnings } = await run([
      { from: '192.168.50.250', reply: () => hostile[i++ % hostile.length]! },
      {
        from: '192.168.50.250',
        reply: (id) =>
          withRelatesTo(NVR_REPLY, id)
            .replace(/020000c0a840/, '0000000000fa')
            .replace(/http:\/\/192\.168\.50\.64\//, 'http://10.99.99.99/'),
      },
    ]);
    expect(warnings.length).toBeGreaterThan(0);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.deviceServiceUrl).toBeNull();
    expect(findings[0]!.droppedXAddrs.map((d) => d.reason)).toContain('outside your network: never followed');
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { record } = await run([], controller.signal);
    expect(record.sent.length).toBeLessThanOrEqual(3);
  });
});

describe('WS-Discovery pain points users report', () => {
  it('a single lost probe: the device answers only the second round and is still found', async () => {
    let probes = 0;
    const { findings } = await run([
      { from: '192.168.50.64', reply: (id) => (++probes > 3 ? withRelatesTo(NVR_REPLY, id) : null) },
    ]);
    expect(findings).toHaveLength(1);
  });

  it('a device that faults on one Types namespace is found through another variant', async () => {
    const fault = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>d:MatchingRuleNotSupported</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">Types not supported</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`;
    const { findings, warnings } = await run([
      {
        from: '192.168.50.65',
        // Faults on the NetworkVideoTransmitter probe, answers the tds:Device and empty ones.
        reply: (id) => (Number(id.slice(-1)) % 3 === 1 ? fault : withRelatesTo(NVR_REPLY, id)),
      },
    ]);
    expect(findings).toHaveLength(1);
    expect(warnings.some((w) => /not a WS-Discovery message/.test(w))).toBe(true);
  });

  it('a slow device answering after the probes are done is still heard within the listening window', async () => {
    const record = { sent: [] as Array<{ to: string; port: number; text: string }> } as Parameters<typeof fakeUdp>[1];
    const findings: WsdFinding[] = [];
    let n = 0;
    let answered = false;
    const slow: UdpTransport = {
      async open(options, onDatagram) {
        const inner = await fakeUdp([], record).open(options, () => {});
        return {
          async send(data, port, address) {
            await inner.send(data, port, address);
            const p = parseWsdMessage(Buffer.from(data as Uint8Array).toString());
            if (p.ok && p.message.kind === 'probe' && !answered) {
              answered = true;
              const id = p.message.messageId ?? '';
              setTimeout(
                () =>
                  onDatagram({
                    data: Buffer.from(withRelatesTo(NVR_REPLY, id)),
                    from: { address: '192.168.50.64', port: 3702 },
                  }),
                120,
              );
            }
          },
          close() {},
        };
      },
    };
    await probeWsDiscovery({
      iface: { name: 'eth0', address: '192.168.50.10', prefix: 24 },
      udp: slow,
      signal: new AbortController().signal,
      onFinding: (f) => findings.push(f),
      newMessageId: () => `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      timing: { rounds: 1, gapMs: [1, 2], listenMs: 300 },
    });
    expect(findings).toHaveLength(1);
  });
});
