// The Security finding's words are read from the record and written to the checklist through one set of fields: what
// the user would lose is a finding's evidence (or another key) slipping into the file, or a finding the record keeps
// being dropped on one side and kept on the other.
import { describe, expect, it } from 'vitest';
import { pickSecurity } from '../../../../src/shared/domain/checklist-pick';
import { checklistSecuritySchema } from '../../../../src/shared/domain/checklist-schema';

const finding = {
  id: 'upnp-on',
  severity: 'high',
  title: 'UPnP is on',
  text: 'Devices can open ports on the router by themselves.',
  fix: 'Turn UPnP off on the router.',
  worth: 10,
  evidence: ['router says: UPnP enabled'],
  secret: 'never this',
};
const last = (findings: unknown[]) => ({
  last: { checkedAt: '2026-03-01T10:00:00.000Z', score: 90, highRisk: true, findings },
});

describe('a Security finding, read from the record and carried by the checklist', () => {
  it('keeps the same words on both sides and nothing else: no evidence, no other key', () => {
    const picked = pickSecurity.parse(last([finding])).last!.findings[0]!;
    const carried = checklistSecuritySchema.parse({ checkedAt: 'x', score: 90, highRisk: true, fixes: [finding] })
      .fixes[0]!;
    const words = {
      id: 'upnp-on',
      severity: 'high',
      title: 'UPnP is on',
      text: finding.text,
      fix: finding.fix,
      worth: 10,
    };
    expect(picked).toEqual(words);
    expect(carried).toEqual(words);
  });

  it('refuses the same over-long title on both sides (the record’s finding is dropped, the file is refused)', () => {
    const long = { ...finding, title: 'x'.repeat(161) };
    expect(pickSecurity.parse(last([long, finding])).last!.findings.map((f) => f.id)).toEqual(['upnp-on']);
    expect(
      checklistSecuritySchema.safeParse({ checkedAt: 'x', score: 90, highRisk: true, fixes: [long] }).success,
    ).toBe(false);
  });

  it('still differs where the record and the file differ: a finding worth 0 is read, but is not a fix', () => {
    const zero = { ...finding, worth: 0 };
    expect(pickSecurity.parse(last([zero])).last!.findings).toHaveLength(1);
    expect(
      checklistSecuritySchema.safeParse({ checkedAt: 'x', score: 90, highRisk: true, fixes: [zero] }).success,
    ).toBe(false);
  });
});
