// Corpus test: every Server value of the shared recog-derived corpora (../shared/fixtures/banners, provenance in
// its PROVENANCE.md; read here, not copied) classifies without throwing, and the camera/recorder vendors the
// corpus names are recognised.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyServerHeader, identifyService } from '../../../src/main/protocol/banners';
import { sharedFixture } from '../../support/shared-corpus';

const CORPUS = sharedFixture('banners');
const CAMERA_DEVICES = new Set(['IP Camera', 'DVR', 'NVR', 'Video Encoder']);

interface Row {
  file: string;
  banner: string;
  vendor: string;
  device: string;
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.tsv'))) {
    const [header, ...lines] = readFileSync(join(CORPUS, file), 'utf8').split('\n');
    const cols = header!.split('\t');
    for (const line of lines) {
      if (!line.trim()) continue;
      const f = line.split('\t');
      const get = (name: string) => (f[cols.indexOf(name)] ?? '').trim();
      out.push({ file, banner: get('banner'), vendor: get('hw.vendor'), device: get('hw.device') });
    }
  }
  return out;
}

describe('shared Server-header corpus', () => {
  const all = rows();

  it('has the two corpora', () => {
    expect(new Set(all.map((r) => r.file)).size).toBe(2);
    expect(all.length).toBeGreaterThan(200);
  });

  it('classifies every value without throwing, as a Server header and inside an HTTP/RTSP reply', () => {
    for (const r of all) {
      expect(() => classifyServerHeader(r.banner)).not.toThrow();
      const proto = r.file.includes('rtsp') ? 'RTSP/1.0' : 'HTTP/1.1';
      const reply = new TextEncoder().encode(`${proto} 200 OK\r\nServer: ${r.banner}\r\nContent-Length: 0\r\n\r\n`);
      const id = identifyService(80, [{ probe: proto === 'RTSP/1.0' ? 'rtsp-options' : 'http', outcome: 'ok', reply }]);
      expect(id.service).toBe(proto === 'RTSP/1.0' ? 'rtsp' : 'http');
    }
  });

  it('recognises the camera and recorder vendors the corpus names', () => {
    const named = all.filter((r) => CAMERA_DEVICES.has(r.device) && r.vendor && !r.vendor.startsWith('{'));
    expect(named.length).toBeGreaterThan(20);
    const misses = named
      .map((r) => ({ banner: r.banner, want: r.vendor, got: classifyServerHeader(r.banner).vendor }))
      .filter((m) => m.got?.toLowerCase() !== m.want.toLowerCase());
    expect(misses).toEqual([]);
  });

  it('never names a vendor for a row the corpus gives none or another', () => {
    // Where the corpus names a different hardware vendor, we must not claim a camera brand for it.
    const cameraBrands = new Set(['Hikvision', 'Dahua', 'Reolink']);
    const claims = all
      .map((r) => ({ banner: r.banner, corpus: r.vendor, got: classifyServerHeader(r.banner).vendor }))
      .filter((c) => c.got !== null && cameraBrands.has(c.got));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.filter((c) => c.corpus.toLowerCase() !== c.got!.toLowerCase())).toEqual([]);
  });
});
