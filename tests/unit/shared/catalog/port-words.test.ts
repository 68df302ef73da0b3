import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  portsEnglish,
  portsSaidInEnglish,
  roleWords,
  sayPortProblem,
  sayPortRow,
  sayPortWhy,
} from '../../../../src/shared/catalog/port-words';
import { proposePorts, seededRandom, validateProposal } from '../../../../src/shared/catalog/port-proposal';
import { portPlanSchema, portReportSchema } from '../../../../src/shared/domain/ports';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { said } from '../../../../src/shared/i18n/said';

// The Ports words said by key: main's English made from the ports group alone is the whole catalogue's, and each side
// says them in its language, falling back to main's English sentence where a piece was not said by key.
const xa = createTranslator('en-XA');

describe('the Ports words said by key', () => {
  it('main’s English from the ports group alone is the whole catalogue’s (a service’s name within)', () => {
    const words = said('ports.said.why.move', { role: roleWords('rtsp'), from: '554', to: '12554' });
    expect(portsEnglish(words)).toBe(english(words));
    expect(portsEnglish(words)).toBe(
      'Video streams (RTSP): move it from 554 to 12554, a port scanners do not look for and no other service uses.',
    );
  });

  it('a value too long to cross the contract by key leaves main’s English alone', () => {
    const short = said('ports.said.purpose.httpProduct', { product: 'nginx' });
    expect(portsSaidInEnglish(short)).toEqual({ said: short, text: 'Web page (admin and live view) (nginx)' });
    const long = said('ports.said.purpose.httpProduct', { product: 'x'.repeat(301) });
    expect(portsSaidInEnglish(long)).toEqual({ text: `Web page (admin and live view) (${'x'.repeat(301)})` });
  });

  it('a proposal’s why: its sentences in the locale, joined as main joins them; main’s line otherwise', () => {
    const [web] = proposePorts(
      { brand: 'Dahua', current: [{ role: 'http', transport: 'tcp', port: 80 }] },
      seededRandom('why'),
    );
    expect(web!.whySaid).toHaveLength(1);
    expect(web!.whySaid!.map(portsEnglish).join(' ')).toBe(web!.why);
    const shown = sayPortWhy(xa, web!);
    expect(shown).toBe(
      xa.t('ports.said.why.move', { role: xa.t('ports.role.http'), from: '80', to: String(web!.internal) }),
    );
    expect(sayPortWhy(xa, { why: web!.why })).toBe(web!.why);
    expect(
      sayPortWhy(xa, { why: web!.why, whySaid: [...web!.whySaid!, { key: 'ports.said.why.fromANewerMain' }] }),
    ).toBe(web!.why);
  });

  it('a problem of a typed port in the locale (main’s message where it was not said by key)', () => {
    const [problem] = validateProposal([{ role: 'https', transport: 'tcp', internal: 8443 }]);
    expect(problem!.said).toBeDefined();
    // A known factory port: the service it is elsewhere said by its name too, the brands as they are.
    expect(problem!.message).toBe(
      'Web page (HTTPS): 8443 is a known factory port (App/SDK port of Hikvision). Scanners look for it; a less common number is safer.',
    );
    expect(sayPortProblem(xa, problem!)).toBe(
      xa.t('ports.said.problem.vendorDefault', {
        role: xa.t('ports.role.https'),
        port: '8443',
        service: xa.t('ports.role.sdk'),
        brands: 'Hikvision',
      }),
    );
    expect(sayPortProblem(xa, { message: problem!.message })).toBe(problem!.message);
  });

  it('a row: the purpose’s parts joined with "; ", each reason said where main said it, the catalogue’s in English', () => {
    const row = {
      purpose: 'Web page (admin and live view); the ONVIF device service answers here too',
      recommendation: 'Closed: nothing to do.',
      risk: { reasons: ['A catalogue fact, in English.', 'Its certificate has expired.'] },
      said: {
        recommendation: said('ports.said.advice.closed'),
        purpose: [said('ports.said.purpose.http'), said('ports.said.purpose.onvifToo')],
        reasons: [null, said('ports.said.risk.expired')],
      },
    };
    expect(sayPortRow(xa, row)).toEqual({
      purpose: `${xa.t('ports.said.purpose.http')}; ${xa.t('ports.said.purpose.onvifToo')}`,
      recommendation: xa.t('ports.said.advice.closed'),
      reasons: ['A catalogue fact, in English.', xa.t('ports.said.risk.expired')],
    });
    const { said: _, ...english } = row;
    expect(sayPortRow(xa, english)).toEqual({
      purpose: row.purpose,
      recommendation: row.recommendation,
      reasons: row.risk.reasons,
    });
  });

  it('a report and a plan cross the contract with their words by key (nothing stripped)', () => {
    const made = JSON.parse(
      readFileSync(join(__dirname, '../../../fixtures/ports/measured-plan.json'), 'utf8'),
    ) as Record<'report' | 'plan', unknown>;
    const report = portReportSchema.parse(made.report);
    const plan = portPlanSchema.parse(made.plan);
    expect(report).toEqual(made.report);
    expect(plan).toEqual(made.plan);
    expect(report.rows.every((r) => r.said?.recommendation)).toBe(true);
    expect(plan.proposal.every((p) => p.whySaid?.length)).toBe(true);
    expect(plan.problems.every((p) => p.said)).toBe(true);
    expect(plan.rtspAdviceSaid).toEqual({ key: 'ports.said.rtspAdvice.text' });
  });
});
