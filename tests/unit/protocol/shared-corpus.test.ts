import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWsdMessage } from '../../../src/main/protocol/ws-discovery';
import { parseXml } from '../../../src/main/protocol/xml';
import { sharedFixture } from '../../support/shared-corpus';

// Walks the shared corpus of real camera/router messages (../shared/fixtures, not copied into this repo):
// every XML file parses, or fails cleanly where PROVENANCE.md says it is malformed / not namespace-well-formed.
// Without the corpus this file fails (tests/support/shared-corpus.ts): CI always has it.
const ROOT = sharedFixture();

function provenanceRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(join(ROOT, 'PROVENANCE.md'), 'utf8').split('\n')) {
    const m = /^\|\s*([\w./-]+\.(?:xml|txt|json|bin|tsv))\s*\|/.exec(line);
    if (m?.[1]) rows.set(m[1], line);
  }
  return rows;
}

const xmlFiles = ['ws-discovery', 'onvif', 'upnp-igd', 'sadp'].flatMap((dir) =>
  readdirSync(sharedFixture(dir))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => `${dir}/${f}`),
);

describe('shared fixture corpus', () => {
  const rows = provenanceRows();

  it('has XML files to walk', () => {
    expect(xmlFiles.length).toBeGreaterThan(20);
  });

  it.each(xmlFiles)('%s parses, or fails cleanly when PROVENANCE marks it malformed', (file) => {
    const row = rows.get(file) ?? '';
    const malformed = /\*\*(malformed|not namespace-well-formed|unbound prefix)\*\*/.test(row);
    const data = readFileSync(join(ROOT, file));
    const r = parseXml(data);
    // Marked malformed: it must fail cleanly (with a reason); otherwise it must parse.
    expect(r.ok ? 'ok' : 'failed', file).toBe(malformed ? 'failed' : 'ok');
    expect(r.ok || r.error.length > 0, `${file}: a failure names its reason`).toBe(true);
  });

  it.each(xmlFiles.filter((f) => f.startsWith('ws-discovery/')))('%s reads as WS-Discovery', (file) => {
    const r = parseWsdMessage(readFileSync(join(ROOT, file)));
    expect(r.ok ? r.message.kind : r.error).toBe('probe-matches');
  });
});
