/**
 * No product function longer than 80 lines (chart specs included): each function, arrow function,
 * method and accessor in the product folders, read with the TypeScript parser. Tests are not held
 * to it. Part of `npm test` through functionLength.test.ts.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export const MAX_FUNCTION_LINES = 80;
export const PRODUCT_FOLDERS = ['contracts/', 'devmode/', 'harness/', 'scripts/', 'bench/'];

/** Every function of `text` longer than `max` lines, as "file:line N lines". */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isAccessor(node)
    ) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - first + 1;
      if (lines > max) found.push(`${file}:${first + 1} ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The long functions of the product files among `files` (paths from `root`). */
export function longProductFunctions(root: string, files: readonly string[]): string[] {
  return files
    .filter((f) => PRODUCT_FOLDERS.some((p) => f.startsWith(p)) && /\.(ts|mjs)$/.test(f))
    .filter((f) => !/\.(test|adoption\.test|d)\.ts$/.test(f))
    .flatMap((f) => longFunctions(f, readFileSync(`${root}/${f}`, 'utf8')));
}
