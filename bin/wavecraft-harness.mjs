#!/usr/bin/env node
// The wavecraft-harness command. In the published package it runs the compiled CLI (dist/);
// in a checkout of the harness repo, where dist/ is not built, it runs the TypeScript sources via tsx
// in a child process, forwarding SIGINT and SIGTERM to it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../harness/cli/main.ts', import.meta.url));
const compiled = fileURLToPath(new URL('../dist/harness/cli/main.js', import.meta.url));

if (existsSync(source)) {
  const tsx = import.meta.resolve('tsx'); // from the repo's node_modules, whatever the current folder
  const child = spawn(process.execPath, ['--import', tsx, source, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await import(pathToFileURL(compiled).href);
}
