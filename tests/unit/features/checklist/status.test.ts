// The Checklist step's status and what "the same checklist" means. What the user would lose: a step verified while
// the copy they keep says something else than the setup, or one never verified because making the file itself (its
// time, its own row) counts as a change.
import { describe, expect, it } from 'vitest';
import { checklistDigest, judgeChecklist, statusDiffers } from '../../../../src/main/features/checklist/status';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import { asExported, checklistFileName } from '../../../../src/shared/domain/checklist-export';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const at = new Date('2026-03-04T00:00:00.000Z');
const built = (madeAt = '2026-03-02T08:00:00.000Z', appVersion = '1.0.0') =>
  buildChecklist(fullRecord(), { madeAt, appVersion });
const exportOf = (digest: string) => ({
  at: '2026-03-02T08:00:00.000Z',
  format: 'pdf' as const,
  paper: 'a4' as const,
  digest,
});

describe('the digest of a checklist', () => {
  it('ignores when and by which version it was made, the record’s own time and the Checklist step’s row', () => {
    const a = built();
    const record = fullRecord();
    record.updatedAt = '2026-03-09T00:00:00.000Z';
    record.steps.checklist = { status: 'verified', updatedAt: '2026-03-09T00:00:00.000Z' };
    const b = buildChecklist(record, { madeAt: '2026-03-09T00:00:00.000Z', appVersion: '2.0.0' });
    expect(checklistDigest(b)).toBe(checklistDigest(a));
    expect(checklistDigest(asExported(a, '2026-03-09T00:00:00.000Z'))).toBe(checklistDigest(a));
    expect(checklistDigest(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any other step’s status or reason, and with what a step found', () => {
    const base = checklistDigest(built());
    const changes: Array<(r: ReturnType<typeof fullRecord>) => void> = [
      (r) => (r.steps.ddns = { status: 'attention', updatedAt: r.updatedAt, reason: 'elsewhere' }),
      (r) => (r.steps.upnp = { ...r.steps.upnp!, reason: 'another reason' }),
      (r) => (r.rules.plan = null),
      (r) => (r.ddns.hosts = []),
    ];
    for (const change of changes) {
      const r = fullRecord();
      change(r);
      expect(checklistDigest(buildChecklist(r, { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '1.0.0' }))).not.toBe(
        base,
      );
    }
  });
});

describe('judgeChecklist', () => {
  it('no export: not started, with no reason of its own', () => {
    expect(judgeChecklist(null, 'a'.repeat(64), at)).toEqual({ status: 'not-started', updatedAt: at.toISOString() });
  });

  it('the last export says what the setup says: verified at the export’s time', () => {
    expect(judgeChecklist(exportOf('b'.repeat(64)), 'b'.repeat(64), at)).toEqual({
      status: 'verified',
      updatedAt: '2026-03-02T08:00:00.000Z',
    });
  });

  it('the setup changed after it: attention, saying to download again', () => {
    expect(judgeChecklist(exportOf('b'.repeat(64)), 'c'.repeat(64), at)).toEqual({
      status: 'attention',
      updatedAt: at.toISOString(),
      reason: 'The setup changed after the checklist of 2026-03-02T08:00:00.000Z was downloaded: download it again.',
      reasonSaid: { key: 'wizard.reasons.checklist.changed', params: { at: '2026-03-02T08:00:00.000Z' } },
    });
  });

  it('statusDiffers: a new status or reason differs, a new time alone does not; no saved status is "not started"', () => {
    const v = { status: 'verified' as const, updatedAt: 'x' };
    expect(statusDiffers(v, { ...v, updatedAt: 'y' })).toBe(false);
    expect(statusDiffers(v, { status: 'attention', updatedAt: 'x', reason: 'r' })).toBe(true);
    expect(statusDiffers({ ...v, status: 'attention', reason: 'a' }, { ...v, status: 'attention', reason: 'b' })).toBe(
      true,
    );
    expect(statusDiffers(undefined, { status: 'not-started', updatedAt: 'z' })).toBe(false);
    expect(statusDiffers(undefined, v)).toBe(true);
  });
});

describe('the exported checklist and its file name', () => {
  it('its own step is verified at the export and not to do; every other row as it was', () => {
    const c = built();
    const e = asExported(c, '2026-03-02T08:00:00.000Z');
    expect(e.steps.find((s) => s.id === 'checklist')).toMatchObject({
      status: 'verified',
      verifiedAt: '2026-03-02T08:00:00.000Z',
      reason: null,
    });
    expect(e.todo.map((t) => t.step)).toEqual(c.todo.map((t) => t.step).filter((id) => id !== 'checklist'));
    expect(e.steps.filter((s) => s.id !== 'checklist')).toEqual(c.steps.filter((s) => s.id !== 'checklist'));
  });

  it('is named by the day it was made, the paper when Letter, and the format', () => {
    expect(checklistFileName('2026-03-02T08:00:00.000Z', 'pdf', 'a4')).toBe('nvr-checklist-2026-03-02.pdf');
    expect(checklistFileName('2026-03-02T08:00:00.000Z', 'pdf', 'letter')).toBe('nvr-checklist-2026-03-02-letter.pdf');
    expect(checklistFileName('2026-03-02T08:00:00.000Z', 'json', null)).toBe('nvr-checklist-2026-03-02.json');
    expect(checklistFileName('garbage', 'json', null)).toBe('nvr-checklist-undated.json');
  });
});
