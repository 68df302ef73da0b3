import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import { checklistContent } from '../../../../src/shared/domain/checklist-export';
import { statusIn, stepReasonIn, stepTitleIn, todoReasonIn } from '../../../../src/shared/domain/checklist-said';
import { CHECKLIST_STATUS_WORDS, CHECKLIST_STEP_STATUSES } from '../../../../src/shared/domain/checklist-schema';
import { STEPS } from '../../../../src/shared/domain/steps';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { sayIn } from '../../../../src/shared/i18n/said';
import { SECRETS, fullRecord, saidRecord } from './checklist-fixture';

// main's words said by key (src/shared/i18n/said.ts) go into the checklist beside their English, so the PDF, the page
// and the CLI say them in the reader's language; a record written before them gives the English as it is.

const meta = { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '1.2.3' };
const en = createTranslator('en');
const xa = createTranslator('en-XA');

describe('the checklist carries main’s words by key beside their English', () => {
  it('a step’s reason, its to-do, the rules’ why and notes, UPnP’s findings, the DDNS check, the verdict, the fixes', () => {
    const r = saidRecord();
    const c = buildChecklist(r, meta);
    const upnp = c.steps.find((s) => s.id === 'upnp')!;
    expect(upnp.said).toEqual(r.steps.upnp!.reasonSaid);
    expect(english(upnp.said!)).toBe(upnp.reason);
    const todo = c.todo.find((s) => s.step === 'upnp')!;
    expect(todo.said).toEqual([{ key: 'checklist.said.todo.attention' }, upnp.said]);
    expect(todo.reason).toBe(`Needs attention. ${upnp.reason}`);
    expect(c.todo.find((s) => s.step === 'security')!.said).toEqual([{ key: 'checklist.said.todo.notStarted' }]);
    const pairs = [
      ...c.forwardRules!.rules.map((x) => [x.said, x.why] as const),
      ...c.forwardRules!.notes.map((x) => [x.said, x.text] as const),
      ...c.upnp!.findings.map((x) => [x.said, x.text] as const),
      [c.ddns.check!.said, c.ddns.check!.words] as const,
      [c.nvr.said, c.nvr.addressBasis] as const,
      [c.internet.publicAddress!.said?.title, c.internet.publicAddress!.title] as const,
      [c.internet.publicAddress!.said?.advice, c.internet.publicAddress!.advice] as const,
      // A vulnerability's fix is the advisory table's own words (data): not said by key.
      ...c
        .security!.fixes.filter((f) => !f.id.startsWith('vuln-'))
        .flatMap((f) => [[f.said?.title, f.title] as const, [f.said?.fix, f.fix] as const]),
    ];
    expect(pairs.length).toBeGreaterThan(6);
    // The words by key carry only what their English says: still no secret anywhere.
    for (const secret of SECRETS) expect(JSON.stringify(c)).not.toContain(secret);
    for (const [words, text] of pairs) {
      expect(words, text).toBeDefined();
      expect(english(words!)).toBe(text);
    }
  });

  it('a record written before them: no `said`, the English as it was; one malformed leaves its sentence in', () => {
    const old = buildChecklist(fullRecord(), meta);
    expect(old.steps.find((s) => s.id === 'upnp')!.said).toBeUndefined();
    expect(old.todo.find((s) => s.step === 'upnp')).toEqual({
      step: 'upnp',
      title: 'UPnP',
      status: 'attention',
      reason: 'Needs attention. A mapping to the NVR came back after deletion.',
    });
    expect(old.forwardRules!.notes).toEqual([{ severity: 'warning', text: 'HTTPS is open to any address.' }]);
    const r = saidRecord();
    (r.steps.upnp as Record<string, unknown>).reasonSaid = { key: 42 };
    (r.upnp.audit!.findings[0] as Record<string, unknown>).said = 'not words by key';
    const c = buildChecklist(r, meta);
    expect(c.steps.find((s) => s.id === 'upnp')).toMatchObject({ reason: r.steps.upnp!.reason });
    expect(c.steps.find((s) => s.id === 'upnp')!.said).toBeUndefined();
    expect(c.upnp!.findings[0]).toEqual({
      severity: r.upnp.audit!.findings[0]!.severity,
      text: r.upnp.audit!.findings[0]!.text,
    });
  });

  it('the digest of what the checklist says is the same with or without them (a copy made before stays current)', () => {
    const c = buildChecklist(saidRecord(), meta);
    const stripped = JSON.parse(JSON.stringify(c, (k, v: unknown) => (k === 'said' ? undefined : v)));
    expect(checklistContent(c)).toBe(checklistContent(stripped));
    expect(checklistContent(c)).not.toContain('"said"');
  });
});

describe('said in the reader’s language (checklist-said.ts)', () => {
  const c = buildChecklist(saidRecord(), meta);
  const step = c.steps.find((s) => s.id === 'upnp')!;
  const todo = c.todo.find((s) => s.step === 'upnp')!;

  it('English: exactly the English the checklist carries', () => {
    expect(stepReasonIn(en, step)).toBe(step.reason);
    for (const item of c.todo) expect(todoReasonIn(en, item)).toBe(item.reason);
  });

  it('en-XA: each sentence in the pseudo locale; no reason stays null', () => {
    expect(stepReasonIn(xa, step)).toBe(sayIn(xa, step.said, ''));
    expect(stepReasonIn(xa, step)).not.toBe(step.reason);
    expect(todoReasonIn(xa, todo)).toBe(`${xa.t('checklist.said.todo.attention')} ${stepReasonIn(xa, step)}`);
    expect(
      stepReasonIn(
        xa,
        c.steps.find((s) => s.id === 'verify')!,
      ),
    ).toBeNull();
  });

  it('without them, or with a key the catalogue lacks: the English reason whole', () => {
    const { said: _said, ...old } = todo;
    expect(todoReasonIn(xa, old)).toBe(todo.reason);
    expect(todoReasonIn(xa, { ...todo, said: [todo.said![0]!, { key: 'checklist.said.nothing' }] })).toBe(todo.reason);
    expect(stepReasonIn(xa, { reason: step.reason })).toBe(step.reason);
  });
});

describe('a step’s title and status in the reader’s language', () => {
  it('English: the very words the checklist has (STEPS’ titles, CHECKLIST_STATUS_WORDS)', () => {
    for (const s of STEPS) expect(stepTitleIn(en, s.id, s.title)).toBe(s.title);
    for (const status of CHECKLIST_STEP_STATUSES) expect(statusIn(en, status)).toBe(CHECKLIST_STATUS_WORDS[status]);
  });

  it('en-XA: pseudo; a step or a status this version does not know: as it came', () => {
    expect(stepTitleIn(xa, 'upnp', 'UPnP')).toBe(xa.t('wizard.steps.upnp.title'));
    expect(stepTitleIn(xa, 'upnp', 'UPnP')).not.toBe('UPnP');
    expect(statusIn(xa, 'planned')).toBe(xa.t('checklist.status.planned'));
    expect(stepTitleIn(xa, 'hello', 'Hello')).toBe('Hello');
    expect(statusIn(xa, 'someday')).toBe('someday');
  });
});
