#!/usr/bin/env node
'use strict';
// `npm run synth` runs the cdktf CLI through here, quietly:
// - CHECKPOINT_DISABLE=1: cdktf otherwise asks HashiCorp's checkpoint service for a newer version
//   on every run, and prints a network error when offline.
// - CI=1: the CLI's spinner otherwise prints one line per frame into logs and pipes.
// - When the app fails, cdktf repeats everything the app printed under "Command output on
//   stdout/stderr"; the app's output was shown as it ran, so the repeat is dropped.
// Set CHECKPOINT_DISABLE or CI in the environment to override them.
const { spawn } = require('child_process');
const path = require('path');
const readline = require('readline');

const env = { ...process.env };
env.CHECKPOINT_DISABLE ??= '1';
env.CI ??= '1';
const cli = path.join(path.dirname(require.resolve('cdktf-cli/package.json')), 'bundle', 'bin', 'cdktf');
const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'pipe'], env });
forward(child.stdout, process.stdout);
forward(child.stderr, process.stderr);
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});

function forward(from, to) {
  let repeating = false;
  let blank = true;
  readline.createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    // eslint-disable-next-line no-control-regex
    const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
    if (/^Command output on (stdout|stderr):$/.test(plain)) {
      if (!repeating) to.write('(the app output is shown above)\n');
      repeating = true;
      return;
    }
    if (repeating && (plain === '' || plain.startsWith('    '))) return;
    // The spinner's last frame, printed even with CI=1.
    if (/^[\u2800-\u28ff]\s/.test(plain.trim())) return;
    repeating = false;
    // Runs of empty lines (the CLI leaves one per spinner frame) shrink to one.
    if (plain.trim() === '') {
      if (blank) return;
      blank = true;
    } else {
      blank = false;
    }
    to.write(`${line}\n`);
  });
}
