// Authentication for the simulated devices: HTTP Digest (RFC 2617/7616, MD5, qop=auth) and
// WS-Security UsernameToken (PasswordDigest = Base64(SHA1(nonce + created + password))).
// Pure functions except for the secret used to mint stateless digest nonces.
import crypto from 'node:crypto';
import { child, find, text } from './xml.mjs';
import { NS } from './soap.mjs';

export const CLOCK_TOLERANCE_S = 300;
const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');

export function createDigest({ realm, secret = crypto.randomBytes(16), nonceTtlMs = 300_000, now = () => Date.now() }) {
  const mint = () => {
    const t = now().toString(16);
    const mac = crypto.createHmac('sha256', secret).update(t).digest('hex').slice(0, 24);
    return Buffer.from(`${t}:${mac}`).toString('hex');
  };
  const check = (nonce) => {
    try {
      const [t, mac] = Buffer.from(nonce, 'hex').toString().split(':');
      const want = crypto.createHmac('sha256', secret).update(t).digest('hex').slice(0, 24);
      if (!mac || mac.length !== want.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(want))) return 'bad';
      return now() - parseInt(t, 16) > nonceTtlMs ? 'stale' : 'ok';
    } catch { return 'bad'; }
  };
  return {
    challenge(stale = false) {
      return `Digest realm="${realm}", qop="auth", nonce="${mint()}", opaque="${md5(realm).slice(0, 16)}", algorithm=MD5, stale=${stale ? 'TRUE' : 'FALSE'}`;
    },
    /** Verify an Authorization header. users: [{user,password,locked}]. */
    verify(header, method, users) {
      const p = parseAuthParams(header);
      if (!p) return { ok: false, reason: 'none' };
      if (p.realm !== realm) return { ok: false, reason: 'bad' };
      const u = users.find((x) => x.user === p.username);
      if (!u) return { ok: false, reason: 'bad' };
      const n = check(p.nonce ?? '');
      if (n === 'bad') return { ok: false, reason: 'bad' };
      const alg = (p.algorithm ?? 'MD5').toUpperCase();
      if (alg !== 'MD5') return { ok: false, reason: 'bad' };
      const ha1 = md5(`${u.user}:${realm}:${u.password}`);
      const ha2 = md5(`${method}:${p.uri}`);
      const want = p.qop ? md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`) : md5(`${ha1}:${p.nonce}:${ha2}`);
      if (want !== String(p.response).toLowerCase()) return { ok: false, reason: 'bad' };
      if (n === 'stale') return { ok: false, reason: 'stale' };
      if (u.locked) return { ok: false, reason: 'locked', user: u };
      return { ok: true, user: u };
    },
  };
}

export function parseAuthParams(header) {
  if (!header || !/^Digest\s/i.test(header)) return null;
  const out = {};
  const re = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  let m;
  while ((m = re.exec(header.slice(7)))) out[m[1].toLowerCase()] = m[2] ?? m[3];
  return out;
}

export function basicUser(header, users) {
  if (!header || !/^Basic\s/i.test(header)) return null;
  const [user, ...rest] = Buffer.from(header.slice(6).trim(), 'base64').toString().split(':');
  const u = users.find((x) => x.user === user && x.password === rest.join(':'));
  return u ?? null;
}

export function passwordDigest(nonceB64, created, password) {
  return crypto
    .createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonceB64, 'base64'), Buffer.from(created), Buffer.from(password)]))
    .digest('base64');
}

/** Parse and check a WS-Security UsernameToken from a SOAP header against the device clock (ms). */
export function verifyUsernameToken(header, users, deviceNowMs) {
  const sec = child(header, NS.wsse, 'Security') ?? find(header, null, 'Security');
  if (!sec) return { ok: false, reason: 'none' };
  const tok = find(sec, null, 'UsernameToken');
  if (!tok) return { ok: false, reason: 'none' };
  const username = text(find(tok, null, 'Username'));
  const pwNode = find(tok, null, 'Password');
  const password = pwNode ? pwNode.text : '';
  const type = pwNode?.attrs.Type ?? '';
  const nonce = text(find(tok, null, 'Nonce'));
  const created = text(find(tok, null, 'Created'));
  if (!username) return { ok: false, reason: 'none' }; // libonvif sends an empty token before login
  const u = users.find((x) => x.user === username);
  if (/#PasswordText$/.test(type)) {
    // Core: the server shall reject a token without both nonce and timestamp; plain text is a legacy path.
    if (!u || password !== u.password) return { ok: false, reason: 'bad' };
  } else {
    if (!nonce || !created) return { ok: false, reason: 'bad', detail: 'nonce and created are required' };
    if (!u || passwordDigest(nonce, created, u.password) !== password.trim()) return { ok: false, reason: 'bad' };
  }
  if (created) {
    const t = Date.parse(created);
    if (!Number.isFinite(t)) return { ok: false, reason: 'bad', detail: 'Created is not an xs:dateTime' };
    if (Math.abs(t - deviceNowMs) > CLOCK_TOLERANCE_S * 1000) {
      return { ok: false, reason: 'clock', detail: `Created ${created} is outside the device clock window (±${CLOCK_TOLERANCE_S}s)` };
    }
  }
  if (u.locked) return { ok: false, reason: 'locked', user: u };
  return { ok: true, user: u };
}

/** Build a UsernameToken header (used by the test tools; the simulator only verifies). */
export function usernameTokenXml(user, password, createdIso, nonceBytes = crypto.randomBytes(16)) {
  const nonce = Buffer.from(nonceBytes).toString('base64');
  const digest = passwordDigest(nonce, createdIso, password);
  return (
    `<wsse:Security xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}"><wsse:UsernameToken>` +
    `<wsse:Username>${user}</wsse:Username>` +
    `<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${digest}</wsse:Password>` +
    `<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${nonce}</wsse:Nonce>` +
    `<wsu:Created>${createdIso}</wsu:Created></wsse:UsernameToken></wsse:Security>`
  );
}
