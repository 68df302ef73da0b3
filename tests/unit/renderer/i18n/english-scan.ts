// Finds English a .vue file says by itself (not through `t`): its template's text, its user-facing attributes
// (title, aria-label, placeholder, alt, label, *-text, *-label), and prose in string literals of its template
// expressions and its script. A heuristic (prose: two words, or a capitalised word), good enough for a ratchet;
// the pseudo-locale render of a page is the proof.
import { parse } from '@vue/compiler-sfc';
import ts from 'typescript';

type TemplateNode = {
  type: number;
  content?: unknown;
  props?: { type: number; name: string; value?: { content: string }; exp?: { content: string } }[];
  children?: TemplateNode[];
  branches?: TemplateNode[];
};

const USER_FACING_ATTRIBUTE = /^(title|aria-label|placeholder|alt|label|legend|.*-text|.*-label)$/;
const hasWord = (text: string) => /[A-Za-z]{2,}/.test(text);

/** Words for people rather than for code: two words with a space, or a capitalised word; not code or markup. */
export function isProse(text: string): boolean {
  const s = text.trim();
  if (!hasWord(s) || /[=[\]{}<>#$\\]/.test(s) || /^(\.{0,2}\/|@|[a-z]+:\/\/)/.test(s)) return false;
  return /^[A-Z][a-z]/.test(s) || /[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}/.test(s);
}

/** The prose in a piece of TypeScript: string literals and template-literal text, not import paths. */
export function proseInCode(code: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isProse(node.text)) found.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
      if (isProse(text)) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The English a .vue file says by itself, each piece once, in order. */
export function englishInVue(sfc: string): string[] {
  const { descriptor } = parse(sfc);
  const found: string[] = [];
  const expression = (code: string) => found.push(...proseInCode(`(${code})`));
  const walk = (node: TemplateNode): void => {
    // 2 text, 5 interpolation, 1 element, 6 attribute, 7 directive (Vue's NodeTypes).
    if (node.type === 2 && typeof node.content === 'string' && hasWord(node.content)) found.push(node.content.trim());
    if (node.type === 5) expression((node.content as { content: string }).content);
    for (const prop of node.props ?? []) {
      if (prop.type === 6 && USER_FACING_ATTRIBUTE.test(prop.name) && prop.value && hasWord(prop.value.content))
        found.push(prop.value.content);
      if (prop.type === 7 && prop.exp && !['for', 'slot'].includes(prop.name)) expression(prop.exp.content);
    }
    node.children?.forEach(walk);
    node.branches?.forEach(walk);
  };
  if (descriptor.template?.ast) walk(descriptor.template.ast as unknown as TemplateNode);
  for (const block of [descriptor.script, descriptor.scriptSetup]) if (block) found.push(...proseInCode(block.content));
  return [...new Set(found)];
}
