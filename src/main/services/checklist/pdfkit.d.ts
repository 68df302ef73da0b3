// The part of pdfkit (a CommonJS/ESM package without its own types) that checklist-pdf*.ts use.
declare module 'pdfkit' {
  interface TextOptions {
    continued?: boolean;
    width?: number;
    lineGap?: number;
    lineBreak?: boolean;
  }
  interface PdfInfo {
    Title?: string;
    Author?: string;
    Subject?: string;
    Creator?: string;
    Producer?: string;
    CreationDate?: Date;
  }
  interface DocumentOptions {
    size?: string | [number, number];
    margin?: number;
    info?: PdfInfo;
    bufferPages?: boolean;
    autoFirstPage?: boolean;
    lang?: string;
    displayTitle?: boolean;
  }
  class PDFDocument {
    constructor(options?: DocumentOptions);
    x: number;
    y: number;
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
    /** The current font; `font` is fontkit's font (its glyph coverage). */
    _font: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } } | null;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    registerFont(name: string, src: string | Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    addPage(): this;
    rect(x: number, y: number, w: number, h: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(): this;
    fill(color?: string): this;
    closePath(): this;
    roundedRect(x: number, y: number, w: number, h: number, r: number): this;
    polygon(...points: Array<[number, number]>): this;
    fillAndStroke(fill?: string, stroke?: string): this;
    dash(length: number, options?: { space?: number }): this;
    undash(): this;
    currentLineHeight(includeGap?: boolean): number;
    widthOfString(text: string): number;
    heightOfString(text: string, options?: TextOptions): number;
    end(): void;
  }
  export default PDFDocument;
}
