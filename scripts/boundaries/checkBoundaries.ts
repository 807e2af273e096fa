/**
 * The layer check (npm test, through boundaries.test.ts; or `tsx scripts/boundaries/checkBoundaries.ts`):
 * every import of every governed file against IMPORT_RULES, read with the TypeScript parser
 * (import and export declarations, `import()` calls, `import x = require()`), not a regex. A
 * violation names the file, the line, what it imports and the rule it breaks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { IMPORT_RULES, type ImportRule } from './importRules.ts';

const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.git', 'reports', 'generated']);

/** Every module a file imports, with its line (1-based). */
export function importsOf(file: string, text: string): { spec: string; line: number }[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS,
  );
  const found: { spec: string; line: number }[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined) => {
    if (literal && ts.isStringLiteralLike(literal))
      found.push({ spec: literal.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node, node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node, node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      add(node, node.argument.literal as ts.Expression);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(root, join(dir, entry.name));
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [relative(root, join(dir, entry.name))]
      : [];
  });
}

function ruleFor(file: string, rules: readonly ImportRule[]): ImportRule | undefined {
  if (/\.(test|adoption\.test)\.ts$/.test(file) || file.includes('/testing/')) return undefined;
  return rules.find((rule) => rule.files.some((prefix) => file.startsWith(prefix)));
}

export function boundaryViolations(root: string, rules: readonly ImportRule[] = IMPORT_RULES): string[] {
  const violations: string[] = [];
  for (const file of sourceFiles(root)) {
    const rule = ruleFor(file, rules);
    if (!rule) continue;
    const text = readFileSync(join(root, file), 'utf8');
    if (rule.forbiddenGlobals?.length && !rule.nodeExceptions?.includes(file)) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
      const used = new RegExp(`(?<![.\\w$'"\`])(${rule.forbiddenGlobals.join('|')})\\b(?!\\s*:)`, 'g');
      for (const m of code.matchAll(used)) {
        const line = code.slice(0, m.index).split('\n').length;
        violations.push(`${file}:${line} uses ${m[1]}: the ${rule.layer} layer's runtime has no ${m[1]}`);
      }
    }
    for (const { spec, line } of importsOf(file, text)) {
      const where = `${file}:${line}`;
      if (spec.startsWith('node:')) {
        if (!rule.node && !rule.nodeExceptions?.includes(file))
          violations.push(`${where} imports ${spec}: the ${rule.layer} layer may not use Node builtins`);
      } else if (spec.startsWith('.')) {
        const target = relative(root, resolve(root, dirname(file), spec));
        const barred = rule.mayNotImport?.find((prefix) => target.startsWith(prefix));
        if (barred !== undefined) {
          violations.push(
            `${where} imports ${target}: the ${rule.layer} layer may not import ${barred}${rule.why ? ` (${rule.why})` : ''}`,
          );
        } else if (!rule.mayImport.some((prefix) => target.startsWith(prefix))) {
          violations.push(
            `${where} imports ${target}: the ${rule.layer} layer may import only ${rule.mayImport.join(', ')}`,
          );
        }
      } else {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!rule.packages.includes('*') && !rule.packages.includes(pkg)) {
          violations.push(
            `${where} imports the package ${pkg}: the ${rule.layer} layer may import ${rule.packages.length ? rule.packages.join(', ') : 'no packages'}`,
          );
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const violations = boundaryViolations(fileURLToPath(new URL('../..', import.meta.url)));
  if (violations.length > 0) {
    console.error(`${violations.length} layer violation(s):\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log('layers: no violations');
}
