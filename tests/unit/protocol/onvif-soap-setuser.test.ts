// SetUser's body, built by hand because the `onvif` package never escapes values: a password with XML's special
// characters must reach the device as typed (the simulator's own XML reader parses what the app sends), never
// break the envelope or smuggle in an element; a control character, an empty value or an unknown level is refused.
import { describe, expect, it } from 'vitest';
import { buildDeviceRequest, buildSetUser, readSoapReply, readUsers } from '../../../src/main/protocol/onvif-soap';
import { find, parseXml, text } from '../../lab/sim/testing.mjs';

/** What a device reads from the request: the User's Username, Password (as sent, untrimmed) and UserLevel. */
function deviceReads(inner: string) {
  const r = parseXml(buildDeviceRequest('SetUser', inner));
  if (!r.ok) throw new Error(r.error);
  const user = find(r.root, null, 'User');
  const users = find(r.root, null, 'SetUser')!.children.filter((c) => c.local === 'User');
  return {
    count: users.length,
    username: text(find(user, null, 'Username')),
    password: find(user, null, 'Password')!.text,
    level: text(find(user, null, 'UserLevel')),
  };
}

describe('buildSetUser', () => {
  it('escapes every XML character: the device reads the password exactly as typed, and one User only', () => {
    const password = `a<b>&c"d'e</tt:Password><tt:UserLevel>Administrator</tt:UserLevel>`;
    const inner = buildSetUser({ username: `ad&min"`, password, level: 'Operator' });
    expect(inner).not.toContain('</tt:Password><tt:UserLevel>Administrator');
    expect(inner).toContain('a&lt;b&gt;&amp;c&quot;d&apos;e');
    expect(deviceReads(inner)).toEqual({ count: 1, username: 'ad&min"', password, level: 'Operator' });
  });

  it('keeps spaces and non-ASCII letters as they are (the device compares them too)', () => {
    const password = '  Grüße — 密码 9! ';
    expect(deviceReads(buildSetUser({ username: 'admin', password, level: 'Administrator' })).password).toBe(password);
  });

  it('refuses a control character, an empty password or name, and a level it does not know', () => {
    expect(() => buildSetUser({ username: 'admin', password: 'a\nb-Strong-1', level: 'Administrator' })).toThrow();
    expect(() => buildSetUser({ username: 'admin', password: 'a\u0000b', level: 'Administrator' })).toThrow();
    expect(() => buildSetUser({ username: 'admin', password: '', level: 'Administrator' })).toThrow();
    expect(() => buildSetUser({ username: '', password: 'x', level: 'Administrator' })).toThrow();
    expect(() => buildSetUser({ username: 'admin', password: 'x', level: 'Anonymous' as 'User' })).toThrow();
  });

  it('says why it refused: the level, or the empty value or control character', () => {
    expect(() => buildSetUser({ username: 'admin', password: 'x', level: 'Anonymous' as 'User' })).toThrow(
      'unknown user level',
    );
    expect(() => buildSetUser({ username: 'admin', password: 'a\tb', level: 'User' })).toThrow(
      'empty value or control character',
    );
  });
});

describe('readUsers', () => {
  it('each user’s name and level; a level the app does not know is null (it is never sent back)', () => {
    const reply = readSoapReply(
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><s:Body><tds:GetUsersResponse>` +
        `<tds:User><tt:Username>admin</tt:Username><tt:UserLevel>Administrator</tt:UserLevel></tds:User>` +
        `<tds:User><tt:Username>op</tt:Username><tt:UserLevel>Operator</tt:UserLevel></tds:User>` +
        `<tds:User><tt:Username>x</tt:Username><tt:UserLevel>Extended</tt:UserLevel></tds:User>` +
        `</tds:GetUsersResponse></s:Body></s:Envelope>`,
    );
    if (reply.kind !== 'body') throw new Error('not a body');
    expect(readUsers(reply.body)).toEqual([
      { username: 'admin', level: 'Administrator' },
      { username: 'op', level: 'Operator' },
      { username: 'x', level: null },
    ]);
  });

  const usersReply = (users: string) => {
    const reply = readSoapReply(
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><s:Body><tds:GetUsersResponse>${users}</tds:GetUsersResponse></s:Body></s:Envelope>`,
    );
    if (reply.kind !== 'body') throw new Error('not a body');
    return readUsers(reply.body);
  };
  const user = (name: string, level = 'User') =>
    `<tds:User><tt:Username>${name}</tt:Username><tt:UserLevel>${level}</tt:UserLevel></tds:User>`;

  it('an element that is not a User (an extension) is no user: no nameless account is listed', () => {
    expect(
      usersReply(`${user('admin', 'Administrator')}<tds:Extension><tt:Username>ghost</tt:Username></tds:Extension>`),
    ).toEqual([{ username: 'admin', level: 'Administrator' }]);
  });

  it('a hostile device listing 100 users, or a 100-character name, is cut to 64 users and 64 characters', () => {
    const many = usersReply(Array.from({ length: 100 }, (_, i) => user(`u${i}`)).join(''));
    expect(many).toHaveLength(64);
    expect(many[63]).toEqual({ username: 'u63', level: 'User' });
    expect(usersReply(user('n'.repeat(100)))).toEqual([{ username: 'n'.repeat(64), level: 'User' }]);
  });
});
