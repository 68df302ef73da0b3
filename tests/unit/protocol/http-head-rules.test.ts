import { describe, expect, it } from 'vitest';
import { buildHttpGet, parseHeadReply, replyComplete } from '../../../src/main/protocol/http-head';

// The reply-head parser and the completeness check, rule by rule (issue 17: mutation testing found them tested only
// through whole banners). A wrong head read names the wrong service; a wrong "complete" cuts a reply short or waits
// for a close that never comes.

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('parseHeadReply', () => {
  it('reads the status line, the headers (lower-cased, repeats joined) and the body after a CRLF head', () => {
    const r = parseHeadReply(
      bytes('HTTP/1.1 302 Found\r\nServer:  App-webs/ \r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n<html>x</html>'),
    );
    expect(r).toEqual({
      protocol: 'HTTP',
      version: '1.1',
      status: 302,
      reason: 'Found',
      headers: { server: 'App-webs/', 'set-cookie': 'a=1, b=2' },
      body: '<html>x</html>',
    });
  });

  it('reads a head that ends with bare LFs, and RTSP', () => {
    const r = parseHeadReply(bytes('RTSP/1.0 401 Unauthorized\nCSeq: 2\nWWW-Authenticate: Digest realm="x"\n\nrest'));
    expect(r).toMatchObject({
      protocol: 'RTSP',
      version: '1.0',
      status: 401,
      headers: { cseq: '2', 'www-authenticate': 'Digest realm="x"' },
      body: 'rest',
    });
  });

  it('a head that never ends keeps its headers and has no body', () => {
    const r = parseHeadReply(bytes('HTTP/1.0 200 OK\r\nServer: lighttpd\r\nContent-Type: text/html'));
    expect(r).toMatchObject({ headers: { server: 'lighttpd', 'content-type': 'text/html' }, body: '' });
  });

  it('a status line without a reason has an empty one; the reason is cut at 200 characters', () => {
    expect(parseHeadReply(bytes('HTTP/1.1 204\r\n\r\n'))?.reason).toBe('');
    expect(parseHeadReply(bytes(`HTTP/1.1 200 ${'r'.repeat(300)}\r\n\r\n`))?.reason).toHaveLength(200);
  });

  it('skips lines without a name (": x", no colon) and cuts names at 64 and values at 1 024 characters', () => {
    const r = parseHeadReply(
      bytes(`HTTP/1.1 200 OK\r\n: nameless\r\nno colon\r\n${'N'.repeat(80)}: v\r\nX: ${'v'.repeat(2000)}\r\n\r\n`),
    );
    expect(Object.keys(r!.headers)).toEqual(['n'.repeat(64), 'x']);
    expect(r!.headers.x).toHaveLength(1024);
  });

  it('reads at most 100 headers', () => {
    const many = Array.from({ length: 150 }, (_, i) => `H${i}: ${i}`).join('\r\n');
    const r = parseHeadReply(bytes(`HTTP/1.1 200 OK\r\n${many}\r\n\r\n`));
    expect(Object.keys(r!.headers)).toHaveLength(100);
    expect(r!.headers.h99).toBe('99');
    expect(r!.headers.h100).toBeUndefined();
  });

  it('reads headers only from the first 16 KiB, even without an end of head', () => {
    const filler = `X-Pad: ${'p'.repeat(16 * 1024)}\r\n`;
    const r = parseHeadReply(bytes(`HTTP/1.1 200 OK\r\nServer: first\r\n${filler}Late: yes\r\n\r\n`));
    expect(r!.headers.server).toBe('first');
    expect(r!.headers.late).toBeUndefined();
    const open = parseHeadReply(bytes(`HTTP/1.1 200 OK\r\nServer: first\r\n${filler}Late: yes\r\n`));
    expect(open!.headers.late).toBeUndefined();
  });

  it('reads headers from the head only: a header-like line in the body is body', () => {
    const r = parseHeadReply(bytes('HTTP/1.1 200 OK\r\nServer: x\r\n\r\nInjected: yes\r\n'));
    expect(r!.headers).toEqual({ server: 'x' });
    expect(r!.body).toBe('Injected: yes\r\n');
  });

  it('a space before the colon is not part of the name', () => {
    expect(parseHeadReply(bytes('HTTP/1.1 200 OK\r\nServer : x\r\n\r\n'))!.headers).toEqual({ server: 'x' });
  });

  it('a status line that does not start the reply is no reply', () => {
    expect(parseHeadReply(bytes('garbage HTTP/1.1 200 OK\r\n\r\n'))).toBeNull();
  });

  it('is not a reply head: null', () => {
    for (const s of ['', 'SSH-2.0-dropbear\r\n', 'HTTP/1.1 20 OK\r\n\r\n', 'HTTP/11 200 OK\r\n', 'http/1.1 200 OK\r\n'])
      expect(parseHeadReply(bytes(s)), JSON.stringify(s)).toBeNull();
  });
});

describe('replyComplete', () => {
  it('waits for the end of the head', () => {
    expect(replyComplete(bytes('HTTP/1.1 204 No Content\r\n'))).toBe(false);
    expect(replyComplete(bytes('HTTP/1.1 204 No Content\r\n\r\n'))).toBe(true);
  });

  it('waits for exactly Content-Length body bytes', () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n';
    expect(replyComplete(bytes(`${head}1234`))).toBe(false);
    expect(replyComplete(bytes(`${head}12345`))).toBe(true);
    expect(replyComplete(bytes('HTTP/1.1 200 OK\r\ncontent-length:3\r\n\r\nabc'))).toBe(true);
    expect(replyComplete(bytes('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'))).toBe(true);
  });

  it('a Content-Length in the body does not count', () => {
    expect(replyComplete(bytes('HTTP/1.1 200 OK\r\n\r\nContent-Length: 0\r\n'))).toBe(false);
  });

  it('an RTSP reply without Content-Length has no body; an HTTP 200 without one waits for the close', () => {
    expect(replyComplete(bytes('RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n'))).toBe(true);
    expect(replyComplete(bytes('HTTP/1.1 200 OK\r\nServer: x\r\n\r\n<html>'))).toBe(false);
  });

  it('HTTP 1xx, 204 and 304 have no body', () => {
    for (const s of ['100 Continue', '101 Switching', '204 No Content', '304 Not Modified'])
      expect(replyComplete(bytes(`HTTP/1.1 ${s}\r\n\r\n`)), s).toBe(true);
    for (const s of ['200 OK', '205 Reset', '404 Not Found'])
      expect(replyComplete(bytes(`HTTP/1.1 ${s}\r\n\r\n`)), s).toBe(false);
  });

  it('a head that only contains a status line somewhere, or a short status, is no reply even with a length', () => {
    expect(replyComplete(bytes('xHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'))).toBe(false);
    expect(replyComplete(bytes('HTTP/1.1 2 OK\r\nContent-Length: 0\r\n\r\n'))).toBe(false);
  });

  it('a 204 named inside the head of a 200 does not make the 200 bodiless', () => {
    expect(replyComplete(bytes('HTTP/1.1 200 OK\r\nVia: HTTP/1.1 204 x\r\n\r\n'))).toBe(false);
  });

  it('is not a reply: never complete', () => {
    expect(replyComplete(bytes('SSH-2.0-x\r\n\r\n'))).toBe(false);
    expect(replyComplete(bytes('xHTTP/1.1 204 No\r\n\r\n'))).toBe(false);
    expect(replyComplete(bytes('HTTP/1.1 20 No\r\n\r\n'))).toBe(false);
    expect(replyComplete(bytes('HTTP/a.1 204 No\r\n\r\n'))).toBe(false);
    expect(replyComplete(bytes('HTTP/1.a 204 No\r\n\r\n'))).toBe(false);
  });
});

describe('buildHttpGet', () => {
  it('names the port in Host only when it is not the scheme’s own', () => {
    expect(buildHttpGet('192.0.2.1', 80)).toContain('\r\nHost: 192.0.2.1\r\n');
    expect(buildHttpGet('192.0.2.1', 8080)).toContain('\r\nHost: 192.0.2.1:8080\r\n');
    expect(buildHttpGet('192.0.2.1', 443, '/', true)).toContain('\r\nHost: 192.0.2.1\r\n');
    expect(buildHttpGet('192.0.2.1', 80, '/doc', true)).toMatch(/^GET \/doc HTTP\/1\.1\r\nHost: 192\.0\.2\.1:80\r\n/);
    expect(buildHttpGet('h', 80).endsWith('Connection: close\r\n\r\n')).toBe(true);
  });
});
