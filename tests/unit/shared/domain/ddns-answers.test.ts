// Every DDNS answer read word for word as the user gets it: the outcome, the provider's code, the plain words, what
// the app may do next and the address the name has now. A broken rule here shows the user the wrong words, the
// wrong address, or sends an update the provider punishes. Answers as the providers (and the lab's server,
// tests/lab/wan/ddns.mjs) write them: dyndns2 "good 203.0.113.2", DuckDNS verbose "OK\n<ip>\n<ipv6>\nUPDATED",
// Cloudflare {success, errors[{code, message}], result}.
import { describe, expect, it } from 'vitest';
import {
  cloudflareItem,
  cloudflareUpdated,
  readCloudflareAnswer,
  readDuckdnsAnswer,
  readDyndns2Answer,
  type DdnsAnswer,
} from '../../../../src/shared/domain/ddns';
import { said, type Said } from '../../../../src/shared/i18n/said';
// @ts-expect-error -- plain .mjs without types
import { duckdnsUpdate, dyndns2Update } from '../../../lab/wan/ddns.mjs';
// @ts-expect-error -- plain .mjs without types
import { emptyZone } from '../../../lab/wan/zone.mjs';

const IP = '203.0.113.2';
const done = (
  outcome: 'updated' | 'unchanged',
  code: string,
  words: string,
  s: Said,
  address: string | null,
): DdnsAnswer => ({
  outcome,
  code,
  words,
  mayRetry: true,
  stop: false,
  retryAfterMinutes: null,
  address,
  said: s,
});
const stopped = (outcome: DdnsAnswer['outcome'], code: string, words: string, s: Said): DdnsAnswer => ({
  outcome,
  code,
  words,
  mayRetry: false,
  stop: true,
  retryAfterMinutes: null,
  address: null,
  said: s,
});
const wait = (code: string, words: string, s: Said, stop: boolean): DdnsAnswer => ({
  outcome: 'retry-later',
  code,
  words,
  mayRetry: true,
  stop,
  retryAfterMinutes: 30,
  address: null,
  said: s,
});
const UNKNOWN =
  'unknown answer: the provider answered something this app does not know. Nothing more is sent; check the host at the provider.';
const UNKNOWN_SAID = said('ddns.said.answer.unknown');

describe('dyndns2: the lab server’s real answers', () => {
  const zone = emptyZone('ddns.lab.example', '198.51.100.53');
  const accounts = [{ user: 'labuser', password: 'pw', hosts: ['mynvr.ddns.lab.example'] }];
  const send = (query: string) =>
    dyndns2Update(
      {
        query: new URLSearchParams(query),
        authorization: `Basic ${Buffer.from('labuser:pw').toString('base64')}`,
        callerIp: '198.51.100.7',
      },
      zone,
      accounts,
    ) as { status: number; body: string };

  it('good, then nochg for the same address: updated, then "already up to date" with the warning about repeats', () => {
    const first = send(`hostname=mynvr.ddns.lab.example&myip=${IP}`);
    expect(readDyndns2Answer(first.status, first.body, IP)).toEqual(
      done(
        'updated',
        'good',
        `Updated: the name points to ${IP} now.`,
        said('ddns.said.answer.updated', { address: IP }),
        IP,
      ),
    );
    const again = send(`hostname=mynvr.ddns.lab.example&myip=${IP}`);
    expect(readDyndns2Answer(again.status, again.body, IP)).toEqual(
      done(
        'unchanged',
        'nochg',
        `Already up to date: the name points to ${IP}. Repeating this gets a host blocked, so the app sends no update until the address changes.`,
        said('ddns.said.answer.unchanged', { address: IP }),
        IP,
      ),
    );
  });
  it('without myip the provider takes the caller’s address, and that is the address shown', () => {
    const r = send('hostname=mynvr.ddns.lab.example');
    expect(readDyndns2Answer(r.status, r.body, null).address).toBe('198.51.100.7');
  });
});

describe('dyndns2: each answer, word for word', () => {
  it.each<[string, number, string, string | null, DdnsAnswer]>([
    [
      'good 127.0.0.1 not asked for: the agent is refused',
      200,
      'good 127.0.0.1',
      IP,
      stopped(
        'fatal',
        'good 127.0.0.1',
        'The provider ignored the update and says this program is not allowed (its agent is refused). Nothing more is sent; contact the provider.',
        said('ddns.said.answer.agentRefused'),
      ),
    ],
    [
      'good without an address: the one sent',
      200,
      'good',
      IP,
      done(
        'updated',
        'good',
        `Updated: the name points to ${IP} now.`,
        said('ddns.said.answer.updated', { address: IP }),
        IP,
      ),
    ],
    [
      'good with neither: "this address"',
      200,
      'good',
      null,
      done(
        'updated',
        'good',
        'Updated: the name points to this address now.',
        said('ddns.said.answer.updatedHere'),
        null,
      ),
    ],
    [
      'nochg with neither',
      200,
      'nochg',
      null,
      done(
        'unchanged',
        'nochg',
        'Already up to date: the name points to this address. Repeating this gets a host blocked, so the app sends no update until the address changes.',
        said('ddns.said.answer.unchangedHere'),
        null,
      ),
    ],
    [
      'nochg without an address: the one sent',
      200,
      'nochg',
      IP,
      done(
        'unchanged',
        'nochg',
        `Already up to date: the name points to ${IP}. Repeating this gets a host blocked, so the app sends no update until the address changes.`,
        said('ddns.said.answer.unchanged', { address: IP }),
        IP,
      ),
    ],
    [
      'dnserr',
      200,
      'dnserr',
      null,
      wait(
        'dnserr',
        "The provider's DNS had an error. Try again in 30 minutes at the earliest.",
        said('ddns.said.answer.dnserr', { minutes: '30' }),
        false,
      ),
    ],
    [
      '911',
      200,
      '911',
      null,
      wait(
        '911',
        'The provider has a problem or maintenance. No update for 30 minutes at least, and not without you: the app does not retry by itself.',
        said('ddns.said.answer.maintenance', { minutes: '30' }),
        true,
      ),
    ],
    [
      'HTTP 401 without a word',
      401,
      '',
      null,
      stopped(
        'auth',
        'http 401',
        'The provider refused the login (HTTP 401). Check the user name and password.',
        said('ddns.said.answer.loginRefused'),
      ),
    ],
    [
      'HTTP 429',
      429,
      'Too Many Requests',
      null,
      wait(
        'http 429',
        'The provider asks to slow down (too many requests). Wait before updating again.',
        said('ddns.said.answer.slowDown'),
        false,
      ),
    ],
    [
      'HTTP 500',
      500,
      '<html>',
      null,
      wait(
        'http 500',
        "The provider's server has a problem (HTTP 500). Try again in 30 minutes.",
        said('ddns.said.answer.serverTrouble', { status: '500', minutes: '30' }),
        false,
      ),
    ],
    ['an empty 204', 204, '', null, stopped('fatal', 'empty', UNKNOWN, UNKNOWN_SAID)],
    ['an empty 300', 300, '', null, stopped('fatal', 'http 300', UNKNOWN, UNKNOWN_SAID)],
  ])('%s', (_, status, body, sent, expected) => {
    expect(readDyndns2Answer(status, body, sent)).toEqual(expected);
  });

  it('the address is read from the answer’s own line, after a space or a comma, not from another host’s line', () => {
    expect(readDyndns2Answer(200, 'good 2001:db8::1 203.0.113.5', null).address).toBe('203.0.113.5');
    expect(readDyndns2Answer(200, 'good\ngood 198.51.100.9', IP).address).toBe(IP);
    expect(readDyndns2Answer(200, '   \r\ngood 203.0.113.5', null).outcome).toBe('updated');
  });

  it('only the first 16 KiB are read: a word after that much blank text is not taken for success', () => {
    expect(readDyndns2Answer(200, `${'\n'.repeat(16 * 1024)}good ${IP}`, IP).code).toBe('empty');
  });
});

describe('DuckDNS: each answer, word for word', () => {
  it('the lab server’s verbose answers: UPDATED, then NOCHANGE, with the address on its second line', () => {
    const zone = emptyZone('ddns.lab.example', '198.51.100.53');
    const accounts = [{ token: 'tok', hosts: ['mycam.ddns.lab.example'] }];
    const send = () =>
      duckdnsUpdate(
        { query: new URLSearchParams(`domains=mycam&token=tok&ip=${IP}&verbose=true`), callerIp: '198.51.100.7' },
        zone,
        accounts,
      ) as { status: number; body: string };
    const first = send();
    expect(readDuckdnsAnswer(first.status, first.body, null)).toEqual(
      done(
        'updated',
        'OK UPDATED',
        `Updated: the name points to ${IP} now.`,
        said('ddns.said.answer.updated', { address: IP }),
        IP,
      ),
    );
    const again = send();
    expect(readDuckdnsAnswer(again.status, again.body, null)).toEqual(
      done(
        'unchanged',
        'OK NOCHANGE',
        `Already up to date: the name points to ${IP}.`,
        said('ddns.said.answer.upToDate', { address: IP }),
        IP,
      ),
    );
  });
  it('NOCHANGE is read with a final newline and spaces around the lines', () => {
    expect(readDuckdnsAnswer(200, `OK \n ${IP} \n\nNOCHANGE \n`, null)).toEqual(
      done(
        'unchanged',
        'OK NOCHANGE',
        `Already up to date: the name points to ${IP}.`,
        said('ddns.said.answer.upToDate', { address: IP }),
        IP,
      ),
    );
  });
  it('with no address anywhere: "this address", and no address claimed', () => {
    expect(readDuckdnsAnswer(200, 'OK\n\n\nNOCHANGE', null)).toEqual(
      done(
        'unchanged',
        'OK NOCHANGE',
        'Already up to date: the name points to this address.',
        said('ddns.said.answer.upToDateHere'),
        null,
      ),
    );
    expect(readDuckdnsAnswer(200, 'OK', null)).toEqual(
      done(
        'updated',
        'OK',
        'Updated: the name points to this address now.',
        said('ddns.said.answer.updatedHere'),
        null,
      ),
    );
  });
  it('KO, an empty answer and a long unknown line', () => {
    expect(readDuckdnsAnswer(200, 'KO', null)).toEqual(
      stopped(
        'auth',
        'KO',
        'DuckDNS refused the update: the token is wrong, or the domain is not in this account (DuckDNS does not say which). Check both on duckdns.org.',
        said('ddns.said.answer.duckdnsRefused'),
      ),
    );
    expect(readDuckdnsAnswer(200, '', null)).toEqual(stopped('fatal', 'empty', UNKNOWN, UNKNOWN_SAID));
    expect(readDuckdnsAnswer(200, 'y'.repeat(80), null).code).toBe('y'.repeat(32));
  });
  it('only the first 16 KiB are read', () => {
    expect(readDuckdnsAnswer(200, `${'\n'.repeat(16 * 1024)}KO`, null).code).toBe('empty');
    expect(readDuckdnsAnswer(200, `OK${'\n'.repeat(16 * 1024)}${IP}\nNOCHANGE`, null)).toEqual(
      done(
        'updated',
        'OK',
        'Updated: the name points to this address now.',
        said('ddns.said.answer.updatedHere'),
        null,
      ),
    );
  });
});

const cf = (status: number, errors: Array<{ code: number; message?: string }>) =>
  readCloudflareAnswer(status, JSON.stringify({ success: false, errors, messages: [], result: null })).answer;

describe('Cloudflare: each error code, word for word', () => {
  const auth = (code: number, words: string, s: Said) => stopped('auth', `cloudflare ${code}`, words, s);
  it.each<[number, DdnsAnswer]>([
    [
      10000,
      auth(
        10000,
        'Cloudflare refused the API token: it is wrong, or it lacks the permission Zone → DNS → Edit for this zone.',
        said('ddns.said.answer.cloudflareTokenWrong'),
      ),
    ],
    [
      6003,
      auth(
        6003,
        'Cloudflare could not read the API token (invalid request headers). Paste it again.',
        said('ddns.said.answer.cloudflareTokenHeaders'),
      ),
    ],
    [
      6103,
      auth(
        6103,
        'Cloudflare could not read the API token (invalid request headers). Paste it again.',
        said('ddns.said.answer.cloudflareTokenHeaders'),
      ),
    ],
    [
      6111,
      auth(
        6111,
        'Cloudflare could not read the API token (malformed Authorization). Paste it again.',
        said('ddns.said.answer.cloudflareTokenMalformed'),
      ),
    ],
    [
      9109,
      auth(
        9109,
        'Cloudflare refused the API token (invalid, expired, or not allowed from this address).',
        said('ddns.said.answer.cloudflareTokenRefused'),
      ),
    ],
    [
      81044,
      stopped(
        'host',
        'cloudflare 81044',
        'Cloudflare has no such record: create an A record for this name in the zone first.',
        said('ddns.said.answer.cloudflareNoSuchRecord'),
      ),
    ],
    [
      7003,
      stopped(
        'host',
        'cloudflare 7003',
        'Cloudflare does not know this zone or record (wrong identifier).',
        said('ddns.said.answer.cloudflareUnknownZone'),
      ),
    ],
    [
      1038,
      stopped(
        'fatal',
        'cloudflare 1038',
        "Cloudflare's API does not manage this domain's DNS (.cf, .ga, .gq, .ml, .tk): use its dashboard.",
        said('ddns.said.answer.cloudflareNotManaged'),
      ),
    ],
    [
      1004,
      stopped(
        'fatal',
        'cloudflare 1004',
        'Cloudflare refused the address: not a valid IPv4 address for an A record.',
        said('ddns.said.answer.cloudflareBadAddress'),
      ),
    ],
    [
      9005,
      stopped(
        'fatal',
        'cloudflare 9005',
        'Cloudflare refused the address: not a valid IPv4 address for an A record.',
        said('ddns.said.answer.cloudflareBadAddress'),
      ),
    ],
    [
      81057,
      done(
        'unchanged',
        'cloudflare 81057',
        'Cloudflare already has this record with this address.',
        said('ddns.said.answer.cloudflareAlreadySet'),
        null,
      ),
    ],
    [
      81058,
      done(
        'unchanged',
        'cloudflare 81058',
        'Cloudflare already has this record with this address.',
        said('ddns.said.answer.cloudflareAlreadySet'),
        null,
      ),
    ],
  ])('%i', (code, expected) => {
    expect(cf(400, [{ code, message: 'as Cloudflare words it' }])).toEqual(expected);
  });

  it('the first known code wins over unknown ones before it', () => {
    expect(cf(400, [{ code: 1 }, { code: 81044 }])?.code).toBe('cloudflare 81044');
  });
  it('HTTP 401 or 403 without a known code: the token was refused', () => {
    for (const status of [401, 403])
      expect(readCloudflareAnswer(status, '<html>').answer).toEqual(
        stopped(
          'auth',
          `http ${status}`,
          'Cloudflare refused the API token.',
          said('ddns.said.answer.cloudflareToken'),
        ),
      );
  });
  it('a success answer over 256 KiB is not read (bounded), and not taken for success', () => {
    const big = JSON.stringify({ success: true, errors: [], result: [{ id: 'z1', pad: 'x'.repeat(300 * 1024) }] });
    expect(readCloudflareAnswer(200, big)).toEqual({
      answer: stopped('fatal', 'http 200', UNKNOWN, UNKNOWN_SAID),
      result: null,
    });
  });
});

describe('Cloudflare lists and the record after the PATCH', () => {
  it('an item without a text id, or no item at all, is "none" (not a record to PATCH)', () => {
    expect(cloudflareItem([{ id: 12345, content: IP }])).toBe('none');
    expect(cloudflareItem([null])).toBe('none');
  });
  it('a record’s content is its address only when it is IPv4 text', () => {
    expect(cloudflareItem([{ id: 'r1', content: 3405803778 }])).toEqual({ id: 'r1', content: null });
    expect(cloudflareItem([{ id: 'r1', content: '2001:db8::1' }])).toEqual({ id: 'r1', content: null });
  });
  it('the address shown after the PATCH is the record’s own content when it is an address, else the one sent', () => {
    expect(cloudflareUpdated({ content: '203.0.113.9' }, IP, null)).toEqual(
      done(
        'updated',
        'success',
        'Updated: the name points to 203.0.113.9 now.',
        said('ddns.said.answer.updated', { address: '203.0.113.9' }),
        '203.0.113.9',
      ),
    );
    expect(cloudflareUpdated({ content: 'not an address' }, IP, null).address).toBe(IP);
    expect(cloudflareUpdated({ content: 3405803778 }, IP, null).address).toBe(IP);
    expect(cloudflareUpdated(null, IP, null).address).toBe(IP);
    expect(cloudflareUpdated({ content: IP }, IP, IP)).toEqual(
      done(
        'unchanged',
        'success',
        `Already up to date: the name points to ${IP}.`,
        said('ddns.said.answer.upToDate', { address: IP }),
        IP,
      ),
    );
  });
});
