import type { Checklist } from '../../../shared/domain/checklist-schema';
import { RISK_COLOURS } from '../../../shared/domain/topology';
import type { Translator } from '../../../shared/i18n';
import type { Pen } from './checklist-pdf-pen';

/**
 * The topology picture as vectors, from the same layout as the page's SVG: boxes and arrows coloured by risk, and
 * every box and exposure saying its risk in words too; dashed: a UPnP mapping or the VPN. Scaled to the page.
 */
export function drawPicture(pen: Pen, topo: Checklist['topology'], t: Translator['t']): void {
  const { doc, width, room, label } = pen;
  const maxH = (doc.page.height - doc.page.margins.top - doc.page.margins.bottom) * 0.7;
  const k = Math.min(1, width() / topo.width, maxH / topo.height);
  room(topo.height * k + 10);
  const ox = doc.page.margins.left;
  const oy = doc.y + 4;
  const X = (x: number) => ox + x * k;
  const Y = (y: number) => oy + y * k;
  const byId = new Map(topo.boxes.map((b) => [b.id, b]));
  const head = (x: number, y: number, dx: number, dy: number, color: string) => {
    const s = 6 * Math.max(k, 0.6);
    doc
      .polygon(
        [x, y],
        [x - dx * s - dy * s * 0.5, y - dy * s - dx * s * 0.5],
        [x - dx * s + dy * s * 0.5, y - dy * s + dx * s * 0.5],
      )
      .fill(color);
  };
  let n = 0;
  // The labels start right of every exposure's rising line, so no line strikes through one.
  const rising = topo.arrows.filter((a) => a.label).length;
  for (const a of topo.arrows) {
    const from = byId.get(a.from);
    const to = byId.get(a.to);
    if (!from || !to) continue;
    const color = RISK_COLOURS[a.risk].stroke;
    doc.strokeColor(color);
    if (!a.label) {
      const [x1, y1, x2, y2] = [X(from.x + from.w), Y(from.y + from.h / 2), X(to.x), Y(to.y + to.h / 2)];
      doc.lineWidth(1).moveTo(x1, y1).lineTo(x2, y2).stroke();
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      head(x2, y2, (x2 - x1) / len, (y2 - y1) / len, color);
      continue;
    }
    const lineY = 20 + n * 18;
    const x1 = from.x + from.w / 2 + n * 8;
    const x2 = to.x + 30 + n * 10;
    doc.lineWidth(a.risk === 'high' ? 2 : 1.5);
    if (a.dashed) doc.dash(5 * k + 1, { space: 3 * k + 1 });
    doc
      .moveTo(X(x1), Y(from.y))
      .lineTo(X(x1), Y(lineY + 4))
      .lineTo(X(x2), Y(lineY + 4))
      .lineTo(X(x2), Y(to.y) - 1)
      .stroke();
    doc.undash();
    head(X(x2), Y(to.y), 0, 1, color);
    const lx = from.x + from.w / 2 + rising * 8 + 4;
    label(
      t('checklistPdf.picture.arrow', {
        port: a.label,
        to: to.label,
        risk: t(`checklistPdf.picture.risk.${a.risk}`),
      }),
      X(lx),
      Y(lineY) - 12 * k,
      11 * k + 1,
      color,
      80,
      ox + width() - X(lx),
    );
    n++;
  }
  for (const b of topo.boxes) {
    const c = RISK_COLOURS[b.risk];
    doc
      .lineWidth(b.risk === 'high' ? 2.2 : 1)
      .roundedRect(X(b.x), Y(b.y), b.w * k, b.h * k, 8 * k)
      .fillAndStroke(c.fill, c.stroke);
    label(b.label, X(b.x + 10), Y(b.y + 12), 13 * k + 1, '#1b1f24', 48, (b.w - 20) * k);
    label(b.detail, X(b.x + 10), Y(b.y + 36), 11 * k + 1, '#3b4650', 64, (b.w - 20) * k);
  }
  doc.fillColor('black').strokeColor('black').lineWidth(1);
  doc.x = ox;
  doc.y = oy + topo.height * k + 6;
}
