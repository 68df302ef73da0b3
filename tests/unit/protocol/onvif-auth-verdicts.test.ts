import { describe, expect, it } from 'vitest';
import { classifyAuthReply, readSoapReply, type SoapReply } from '../../../src/main/protocol/onvif-soap';

// What an answer to a login means (issue 17): a locked account must never be called a wrong password, because then
// the user tries again, and every try keeps it locked longer. Each row is a reply a device can send.

const soapFault = (subcode: string | null, reason: string, code = 's:Sender'): SoapReply =>
  readSoapReply(
    `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error">` +
      `<s:Body><s:Fault><s:Code><s:Value>${code}</s:Value>` +
      (subcode ? `<s:Subcode><s:Value>${subcode}</s:Value></s:Subcode>` : '') +
      `</s:Code><s:Reason><s:Text xml:lang="en">${reason}</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`,
  );
/** SOAP 1.1, as older firmware sends it. */
const soap11Fault = (faultcode: string, faultstring: string): SoapReply =>
  readSoapReply(
    `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault>` +
      `<faultcode>${faultcode}</faultcode><faultstring>${faultstring}</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
  );
const body: SoapReply = readSoapReply(
  `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><tds:GetDeviceInformationResponse xmlns:tds="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>`,
);
const html: SoapReply = readSoapReply('<html><body>Error</body></html>');

describe('a locked account is called locked, never a wrong password', () => {
  it.each([
    ['Hikvision: "User is locked"', 400, soapFault('ter:NotAuthorized', 'User is locked')],
    ['Dahua: "user locked"', 400, soapFault('ter:NotAuthorized', 'user locked')],
    [
      '"too many failed attempts" beside NotAuthorized',
      400,
      soapFault('ter:NotAuthorized', 'Too many failed attempts'),
    ],
    ['"TOO MANY login failures" in capitals', 401, soapFault('ter:FailedAuthentication', 'TOO MANY login failures')],
    ['an account "frozen" for 30 minutes', 400, soapFault('ter:NotAuthorized', 'Account frozen for 30 minutes')],
    ['an address "blocked" after failures', 401, soapFault(null, 'Your IP address is blocked')],
    ['the word in a subcode', 400, soapFault('ter:AccountLocked', 'Sender not Authorized')],
    ['a SOAP 1.1 faultstring', 500, soap11Fault('SOAP-ENV:Client', 'Too many authentication failures')],
    ['HTTP 423 with a SOAP fault', 423, soapFault('ter:NotAuthorized', 'Sender not Authorized')],
    ['HTTP 423 with an HTML page', 423, html],
    ['HTTP 423 with a body', 423, body],
  ] as const)('%s', (_name, status, reply) => {
    expect(classifyAuthReply(status, reply)).toBe('locked');
  });

  it('"too many failed attempts" is locked, not a wrong password: a retry would only keep it locked', () => {
    const reply = soapFault('ter:NotAuthorized', 'Too many failed attempts, try again in 30 minutes');
    expect(classifyAuthReply(400, reply)).toBe('locked');
    expect(classifyAuthReply(401, reply)).toBe('locked');
  });
});

describe('the other verdicts', () => {
  it.each([
    ['a SOAP body with 200', 200, body, 'ok'],
    ['a SOAP body with 299', 299, body, 'ok'],
    ['a SOAP body with 199 is no login', 199, body, 'not-onvif'],
    ['a SOAP body with 300 is no login', 300, body, 'not-onvif'],
    ['NotAuthorized', 400, soapFault('ter:NotAuthorized', 'Sender not Authorized'), 'wrong-credentials'],
    [
      'FailedAuthentication',
      500,
      soapFault('wsse:FailedAuthentication', 'The security token could not be authenticated'),
      'wrong-credentials',
    ],
    ['InvalidSecurity', 500, soapFault('wsse:InvalidSecurity', 'An error was discovered'), 'wrong-credentials'],
    ['"not authorized" in the reason only', 400, soapFault(null, 'Sender not authorized'), 'wrong-credentials'],
    [
      'a refusal for the clock is no lockout ("clock" holds "lock"): openSession names it a clock skew',
      400,
      soapFault('ter:NotAuthorized', 'Sender not Authorized: Created is outside the device clock window (±300s)'),
      'wrong-credentials',
    ],
    ['"Unauthorized" in the code only', 500, soapFault(null, 'no', 'env:Unauthorized'), 'wrong-credentials'],
    ['a SOAP 1.1 NotAuthorized', 500, soap11Fault('SOAP-ENV:Client', 'Sender not authorized'), 'wrong-credentials'],
    ['401 with a fault that names nothing', 401, soapFault('ter:InvalidArgVal', 'Sender'), 'wrong-credentials'],
    ['401 with a SOAP body', 401, body, 'wrong-credentials'],
    ['401 with an HTML page: a login ONVIF cannot answer', 401, html, 'unsupported-auth'],
    ['401 with nothing readable', 401, readSoapReply(''), 'unsupported-auth'],
    ['ActionNotSupported', 400, soapFault('ter:ActionNotSupported', 'Optional Action Not Implemented'), 'fault'],
    ['a fault with 200', 200, soapFault('ter:InvalidArgVal', 'Bad argument'), 'fault'],
    ['an HTML page with 200', 200, html, 'not-onvif'],
    ['an HTML page with 500', 500, html, 'not-onvif'],
    ['not XML', 200, readSoapReply('not xml'), 'not-onvif'],
  ] as const)('%s → %s', (_name, status, reply, verdict) => {
    expect(classifyAuthReply(status, reply)).toBe(verdict);
  });
});
