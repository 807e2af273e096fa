/**
 * The documentation's generated sections: each lies between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->` in its file and is written from a table in the code (commands,
 * environment variables). `npm run docs` rewrites them; docTables.test.ts fails when they drift.
 */
import { commandUsage } from '../../harness/cli/commandDefinition.ts';
import { COMMANDS, formatCommandTable } from '../../harness/cli/commandTable.ts';
import { ABI_CHECK, CHECKS } from '../../harness/validate/checkCatalog.ts';
import { formatEnvironmentTable } from '../../harness/config/environmentVariables.ts';
import { formatValidateOptionTable } from '../../harness/validate/validatorOptions.ts';
import { AUDIO_DIAGNOSTICS } from '../../contracts/ipc/messages.ts';
import { SOURCE_FAILURES } from '../../contracts/ipc/audioDiagnostics.ts';
import { HARNESS_TIERS } from '../boundaries/harnessTiers.ts';
import { METER_STATISTICS, STATISTICS } from '../../contracts/meters/meterStatistics.ts';
import { FILE_SCHEMAS } from '../../harness/init/fileSchemas.ts';
import { formatSchemaFieldTable } from './schemaFieldTable.ts';

/** harness/'s floor plan, top tier first, as the README and CONTRIBUTING.md show it. */
function formatHarnessTierTable(): string {
  const rows = [...HARNESS_TIERS]
    .reverse()
    .map(
      (t) => `| ${t.tier} | ${t.folders.map((f) => `\`${f.endsWith('.ts') ? f : `${f}/`}\``).join(', ')} | ${t.why} |`,
    );
  return ['| tier (top first) | folders of `harness/` | what it is, and why there |', '|---|---|---|', ...rows].join(
    '\n',
  );
}

/** The audio diagnostic codes, when each is reported and its hint, as docs/protocol.md shows them. */
function formatAudioDiagnosticTable(): string {
  const rows = Object.entries(AUDIO_DIAGNOSTICS).map(([code, { when, hint }]) => `| \`${code}\` | ${when} | ${hint} |`);
  return ['| code | reported when | hint |', '|---|---|---|', ...rows].join('\n');
}

/** How a page maps a source that will not start to a code, as docs/probe.md shows it. */
function formatSourceFailureTable(): string {
  const rows = SOURCE_FAILURES.map(
    (r) =>
      `| ${r.errors.map((e) => `\`${e}\``).join(', ')}${r.source ? ` (${r.source})` : ''} | ${r.when} | \`${r.code}\` |`,
  );
  return ['| the browser says | when | code |', '|---|---|---|', ...rows].join('\n');
}

/** The meter statistics a settled span is read as, as docs/scenarios.md shows them. */
function formatMeterStatisticTable(): string {
  const rows = STATISTICS.map((key) => {
    const spec = METER_STATISTICS[key];
    const standIn = spec.standIn ? `the ${METER_STATISTICS[spec.standIn].label}` : '—';
    return `| ${spec.label} | \`${key}\` | ${spec.meaning} | ${standIn} |`;
  });
  return [
    '| statistic | field | what it is | stands in where it alone does not repeat |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The validator's checks, from each check's own id, strictness and explanation, as docs/validator.md shows them. */
function formatValidatorCheckTable(): string {
  const rows = [ABI_CHECK, ...CHECKS].map(
    (c, i) => `| ${i + 1} | \`${c.id}\` | ${c.minStrictness} | ${c.explanation.replace(/\|/g, '\\|')} |`,
  );
  return ['| # | check | from strictness | what it checks |', '|---|---|---|---|', ...rows].join('\n');
}

/** `validate`'s usage, wrapped, as docs/validator.md opens with it. */
function formatValidateUsage(): string {
  const words = commandUsage(COMMANDS.validate).split(/ (?=\[|--wasm)/);
  const lines: string[] = ['npx wavecraft-harness'];
  for (const word of words) {
    if (`${lines.at(-1)!} ${word}`.length > 104) lines.push(' '.repeat(31));
    lines[lines.length - 1] = `${lines.at(-1)!}${lines.at(-1)!.trim() ? ' ' : ''}${word}`;
  }
  return ['```sh', ...lines, 'npm run validate -- --wasm build.wasm          # the same, in this repo', '```'].join(
    '\n',
  );
}

const fields = (name: keyof typeof FILE_SCHEMAS) => () => formatSchemaFieldTable(FILE_SCHEMAS[name]);

/** Each generated section: the files it is in (from the repo root) and what writes it. */
export const GENERATED_SECTIONS: Record<string, { files: string[]; generate: () => string }> = {
  commands: { files: ['README.md', 'docs/plugin-projects.md'], generate: formatCommandTable },
  'environment-user': { files: ['docs/plugin-projects.md'], generate: () => formatEnvironmentTable('user') },
  'environment-internal': { files: ['docs/plugin-projects.md'], generate: () => formatEnvironmentTable('internal') },
  'validate-options': { files: ['docs/validator.md'], generate: formatValidateOptionTable },
  'validate-usage': { files: ['docs/validator.md'], generate: formatValidateUsage },
  'validator-checks': { files: ['docs/validator.md'], generate: formatValidatorCheckTable },
  'audio-diagnostics': { files: ['docs/protocol.md'], generate: formatAudioDiagnosticTable },
  'source-failures': { files: ['docs/probe.md'], generate: formatSourceFailureTable },
  'scenario-fields': { files: ['docs/scenarios.md'], generate: fields('scenario.schema.json') },
  'meter-statistics': { files: ['docs/scenarios.md'], generate: formatMeterStatisticTable },
  'live-golden-fields': { files: ['docs/scenarios.md'], generate: fields('live-golden.schema.json') },
  'offline-golden-fields': { files: ['docs/scenarios.md'], generate: fields('offline-golden.schema.json') },
  'config-fields': { files: ['docs/plugin-projects.md'], generate: fields('wavecraft.config.schema.json') },
  'harness-tiers': { files: ['README.md', 'CONTRIBUTING.md'], generate: formatHarnessTierTable },
};

const marker = (name: string) => new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);

/** The text of section `name` in `text`, or null when its markers are missing. */
export function readSection(text: string, name: string): string | null {
  const match = marker(name).exec(text);
  return match ? match[0].slice(match[1]!.length, match[0].length - match[2]!.length).replace(/\n$/, '') : null;
}

/** `text` (the contents of `file`) with every generated section of that file rewritten from the code. */
export function writeSections(file: string, text: string): string {
  for (const [name, { files, generate }] of Object.entries(GENERATED_SECTIONS)) {
    if (!files.includes(file)) continue;
    if (!marker(name).test(text))
      throw new Error(`${file} has no <!-- generated:${name} --> … <!-- /generated:${name} --> section`);
    text = text.replace(marker(name), (_all, open: string, close: string) => `${open}${generate()}\n${close}`);
  }
  return text;
}
