import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRAND_PORTS, RISKY_SERVICES, type PortFact } from '../../../../src/shared/catalog/ports';
import { createTranslator, en } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { pseudoLocalize } from '../../../../src/shared/i18n/pseudo-localize';
import { factsAt, purposeFor, purposeSaid } from '../../../../src/main/services/ports/port-judgement';

// The port catalogue's purposes (src/shared/catalog/ports.ts) moved to the catalogue of words (`ports.purposes`,
// src/shared/i18n/en/said/port-purposes.ts). tests/fixtures/ports/catalogue-purposes.json holds every fact's purpose
// as the catalogue wrote it before the move, in its order: the English said by key must be those words exactly.

interface Before {
  brand: string;
  role: string;
  port: number;
  transport: string;
  purpose: string;
}
const BEFORE = JSON.parse(
  readFileSync(join(__dirname, '../../../fixtures/ports/catalogue-purposes.json'), 'utf8'),
) as Before[];

/** Every brand × fact, then the brand-independent services ('any'), as the fixture lists them. */
const FACTS: Array<{ brand: string; fact: PortFact }> = [
  ...BRAND_PORTS.flatMap((b) => b.ports.map((fact) => ({ brand: b.id, fact }))),
  ...RISKY_SERVICES.map((fact) => ({ brand: 'any', fact })),
];

describe('the port catalogue’s purposes, said by key', () => {
  it('every brand’s every fact says by key, in English, exactly the purpose it had', () => {
    expect(FACTS.map(({ brand, fact }) => [brand, fact.role, fact.port, fact.transport])).toEqual(
      BEFORE.map((b) => [b.brand, b.role, b.port, b.transport]),
    );
    expect(FACTS.length).toBe(108);
    FACTS.forEach(({ brand, fact }, n) => {
      const label = `${brand} ${fact.role} ${fact.port}/${fact.transport}`;
      expect(english({ key: fact.purposeKey }), label).toBe(BEFORE[n]!.purpose);
      expect(fact.purpose, label).toBe(BEFORE[n]!.purpose);
    });
  });

  it('keys by brand, role and port: one fact each, and no words in the catalogue that no fact says', () => {
    const keys = FACTS.map(({ fact }) => fact.purposeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('ports.purposes.hikvision.sdk8000');
    expect(keys).toContain('ports.purposes.anyBrand.telnet23');
    const words = Object.entries(en.ports.purposes).flatMap(([brand, group]) =>
      Object.keys(group).map((key) => `ports.purposes.${brand}.${key}`),
    );
    expect([...words].sort()).toEqual([...keys].sort());
  });

  it('a translator says them in its language (en-XA: the pseudo words, not the English)', () => {
    const { t } = createTranslator('en-XA');
    for (const { fact } of FACTS) {
      const said = (t as (key: string) => string)(fact.purposeKey);
      expect(said, fact.purposeKey).toBe(pseudoLocalize(fact.purpose));
      expect(said, fact.purposeKey).not.toBe(fact.purpose);
    }
  });

  it('main says a measured port’s purpose by the fact’s key where the catalogue has one (purposeSaid)', () => {
    for (const brand of BRAND_PORTS)
      for (const fact of brand.ports.filter((f) => f.transport === 'tcp')) {
        const first = factsAt(brand, fact.port).find((f) => f.role === fact.role)!;
        const label = `${brand.id} ${fact.role} ${fact.port}`;
        expect(purposeSaid(fact.port, fact.role, brand, null), label).toEqual({
          text: first.purpose,
          said: { key: first.purposeKey },
        });
        expect(purposeFor(fact.port, fact.role, brand, null), label).toBe(first.purpose);
      }
    // The brand-independent services, where no brand is known.
    expect(purposeSaid(23, 'telnet', null, null)).toEqual({
      text: 'Telnet remote shell',
      said: { key: 'ports.purposes.anyBrand.telnet23' },
    });
  });
});
