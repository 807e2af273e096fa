/**
 * The stand-in for Wavecraft's wavecraft-dsp (fixtures/rust/wavecraft-standin/crates/wavecraft-dsp)
 * holds to the real signatures,
 * written down from Wavecraft's sources in its signatures.txt: every line is declared by the
 * stand-in, and the stand-in declares nothing public beyond them. A drift either way shows here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDIN_CRATES_DIR, STANDIN_DIR } from '../../fixtures/rust/buildWavecraftChain.ts';

const listed = readFileSync(join(STANDIN_DIR, 'signatures.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

const source = ['lib.rs', 'combinators.rs']
  .map((f) => readFileSync(join(STANDIN_CRATES_DIR, 'wavecraft-dsp/src', f), 'utf8'))
  .join('\n');
/** Whitespace as one space, comments out. */
const normal = (s: string) =>
  s
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const code = normal(source);

/** The body of the block that `head` opens (brace-matched). */
function block(head: RegExp): string {
  const match = head.exec(code);
  if (!match) return '';
  let depth = 0;
  const from = code.indexOf('{', match.index);
  for (let i = from; i < code.length; i++) {
    if (code[i] === '{') depth++;
    if (code[i] === '}' && --depth === 0) return code.slice(from + 1, i);
  }
  return '';
}

/** Every signature line the stand-in's source declares, in the list's form. */
function declared(): string[] {
  const found: string[] = [];
  for (const [, name] of code.matchAll(/pub struct (\w+)(?:<[^>]*>)? \{/g)) {
    const body = block(new RegExp(`pub struct ${name}(?:<[^>]*>)? \\{`));
    for (const [, field, type] of body.matchAll(/pub (\w+): ([^,]+?)(?:,|$)/g))
      found.push(`struct ${name} ${field}: ${type!.trim()}`);
  }
  for (const variant of block(/pub enum ParamRange \{/).split(/(?<=\}),/)) {
    const v = variant.trim();
    if (v) found.push(`variant ParamRange ${v}`);
  }
  for (const [, trait, bounds] of code.matchAll(/pub trait (\w+): ([^{]+?) \{/g)) {
    found.push(`trait ${trait}: ${bounds}`);
    const body = block(new RegExp(`pub trait ${trait}: [^{]+? \\{`));
    for (const [, sig] of body.matchAll(/fn (\w+\([^)]*\)(?: -> [^;{]+)?)/g))
      found.push(`fn ${trait}::${sig!.trim().replace(/\b_(\w)/g, '$1')}`);
    for (const [, decl] of body.matchAll(/type (\w+: [^;]+);/g)) found.push(`type ${trait}::${decl}`);
  }
  for (const [, header, params] of code.matchAll(/impl<[^>]*> (Processor for \w+<[^>]*>) \{ type Params = ([^;]+);/g))
    found.push(`impl ${header} => ${params}`);
  // Each arm with its type variables named in order of appearance ($a, $b), paths to their last part.
  const chain = block(/macro_rules! SignalChain \{/).replace(/\$crate::(combinators::)?/g, '');
  for (const arm of chain.split(/\};/).filter((a) => a.includes('=>'))) {
    const [left, right] = arm.split(/ => \{/) as [string, string];
    const names = [...left.matchAll(/\$(\w+):ty/g)].map((m) => m[1]!);
    let expansion = right.replace(/\$\((\$\w+)\),\+/g, '$1').trim();
    names.forEach((name, i) => (expansion = expansion.replaceAll(`$${name}`, `$${'ab'[i]}`)));
    found.push(`macro SignalChain ${names.map((_, i) => `$${'ab'[i]}`).join(', ')} => ${expansion}`);
  }
  const bypass = block(/const BYPASS_SPEC: \[ParamSpec; 1\] = \[ParamSpec \{/);
  for (const [, field, value] of bypass.matchAll(/(\w+): ((?:ParamRange::\w+ \{[^}]*\})|[^,]+)/g))
    found.push(`bypass ${field} = ${value!.trim()}`);
  return found;
}

describe("the stand-in for Wavecraft's API", () => {
  const mine = declared().map(normal);
  const theirs = listed.map(normal);

  it('declares every signature written down from the real sources', () => {
    expect(
      theirs.filter((line) => !mine.includes(line)),
      'in signatures.txt, missing or different in the stand-in',
    ).toEqual([]);
  });

  it('declares nothing public beyond them', () => {
    expect(
      mine.filter((line) => !theirs.includes(line)),
      'in the stand-in, not in signatures.txt',
    ).toEqual([]);
  });
});
