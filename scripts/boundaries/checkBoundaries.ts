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
import { HARNESS_TIERS, harnessFolderOf, tierOf, type HarnessTier } from './harnessTiers.ts';
import { importCycles, type ImportEdge } from './importCycles.ts';
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

/**
 * The folder of depth `depth` a file counts in for folder cycles at that depth (harness/validate at
 * 2, its subfolder validate/checks with it; harness/report/charts at 3), or null for a file in a
 * shallower folder: at each depth, sibling folders must not import each other round in a loop.
 */
const folderAt = (depth: number) => (file: string) => {
  const parts = dirname(file).split('/');
  return parts.length >= depth && parts[0] !== '.' ? parts.slice(0, depth).join('/') : null;
};

/** Folder cycles at every depth of the tree. */
function folderCycles(edges: readonly ImportEdge[]): string[] {
  const deepest = Math.max(0, ...edges.flatMap((e) => [e.from, e.to]).map((f) => dirname(f).split('/').length));
  const cycles: string[] = [];
  for (let depth = 1; depth <= deepest; depth++) {
    const nodeOf = folderAt(depth);
    const within = edges.filter((e) => nodeOf(e.from) !== null && nodeOf(e.to) !== null);
    cycles.push(...importCycles(within, (f) => nodeOf(f)!, 'folder'));
  }
  return cycles;
}

/** This package's name: a bare import of it (`wavecraft-audio-harness/dist/…`) is an import of this tree. */
const PACKAGE_NAME = 'wavecraft-audio-harness';

/**
 * The repo path an import names when it is of this tree (relative; the package's own name, whose
 * dist/*.js are this tree's *.ts; an absolute path inside the root), without a Vite query
 * (`?worker&url`); null for a package or a builtin.
 */
export function treeTarget(root: string, file: string, spec: string): string | null {
  const path = spec.split('?')[0]!;
  if (path.startsWith('.')) return relative(root, resolve(root, dirname(file), path));
  if (path.startsWith(`${PACKAGE_NAME}/`))
    return path
      .slice(PACKAGE_NAME.length + 1)
      .replace(/^dist\//, '')
      .replace(/\.js$/, '.ts');
  if (path.startsWith('/') && !relative(root, path).startsWith('..')) return relative(root, path);
  return null;
}

/** A harness file's import of another harness folder against the tiers: null when allowed. */
function tierViolation(file: string, target: string, tiers: readonly HarnessTier[]): string | null {
  const from = harnessFolderOf(file);
  const to = harnessFolderOf(target);
  if (from === null || to === null || from === to) return null;
  const a = tierOf(from, tiers);
  const b = tierOf(to, tiers);
  if (a < 0) return `harness/${from} is in no tier of the floor plan (scripts/boundaries/harnessTiers.ts): give it one`;
  if (b < 0) return `harness/${to} is in no tier of the floor plan (scripts/boundaries/harnessTiers.ts): give it one`;
  if (b <= a) return null;
  return `the ${tiers[a]!.tier} tier (harness/${from}) may not import the ${tiers[b]!.tier} tier above it (harness/${to}): ${tiers[a]!.tier}: ${tiers[a]!.why}`;
}

export function boundaryViolations(
  root: string,
  rules: readonly ImportRule[] = IMPORT_RULES,
  tiers: readonly HarnessTier[] = HARNESS_TIERS,
): string[] {
  const violations: string[] = [];
  const edges: ImportEdge[] = [];
  const governed = new Set<string>();
  for (const file of sourceFiles(root)) {
    const rule = ruleFor(file, rules);
    if (!rule) continue;
    governed.add(file);
    const folder = harnessFolderOf(file);
    if (folder !== null && tierOf(folder, tiers) < 0)
      violations.push(
        `${file} is in harness/${folder}, which is in no tier of the floor plan (scripts/boundaries/harnessTiers.ts): give it one`,
      );
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
      const target = treeTarget(root, file, spec);
      if (spec.startsWith('node:')) {
        if (!rule.node && !rule.nodeExceptions?.includes(file))
          violations.push(`${where} imports ${spec}: the ${rule.layer} layer may not use Node builtins`);
      } else if (target !== null) {
        edges.push({ from: file, to: target, line });
        const barred = rule.mayNotImport?.find((prefix) => target.startsWith(prefix));
        const misplaced = tierViolation(file, target, tiers);
        if (barred !== undefined) {
          violations.push(
            `${where} imports ${target}: the ${rule.layer} layer may not import ${barred}${rule.why ? ` (${rule.why})` : ''}`,
          );
        } else if (!rule.mayImport.some((prefix) => target.startsWith(prefix))) {
          violations.push(
            `${where} imports ${target}: the ${rule.layer} layer may import only ${rule.mayImport.join(', ')}`,
          );
        } else if (misplaced !== null && !misplaced.includes('in no tier')) {
          // One message per import: the tiers speak where the layer rules allow it.
          violations.push(`${where} imports ${target}: ${misplaced}`);
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
  const inside = edges.filter((e) => governed.has(e.to));
  violations.push(...importCycles(inside, (f) => f, 'file'), ...folderCycles(inside));
  return [...new Set(violations)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const violations = boundaryViolations(fileURLToPath(new URL('../..', import.meta.url)));
  if (violations.length > 0) {
    console.error(`${violations.length} layer violation(s):\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log('layers: no violations');
}
