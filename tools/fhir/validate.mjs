#!/usr/bin/env node
// Validates FHIR R4 JSON resources with both validators of validators.mjs (npm `fhir` and the
// official R4 JSON schema), and says which one found each error.
//
//   node tools/fhir/validate.mjs [--warnings] <file-or-dir>...
//
// A directory means every *.json file under it. Prints "ok  <file>" or "FAIL  <file>" followed by
// one line per error: "  error [fhir|schema] <path>: <message>". --warnings also prints what npm
// `fhir` only warns about (unknown properties, codes outside a non-required binding). Exit code 0
// when every file is valid, 1 when one is not (or cannot be read), 2 on wrong usage.
// Run tools/fhir/install.sh first (it installs the two validators into tools/fhir/node_modules).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateResource } from './validators.mjs';

const args = process.argv.slice(2);
const showWarnings = args.includes('--warnings');
const targets = args.filter((arg) => arg !== '--warnings');
if (targets.length === 0 || targets.some((arg) => arg.startsWith('--'))) {
  console.error('Usage: node tools/fhir/validate.mjs [--warnings] <file-or-dir>...');
  process.exit(2);
}

function jsonFiles(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    return [{ file: target, problem: `cannot read it (${error.code ?? error.message})` }];
  }

  if (!stat.isDirectory()) {
    return [{ file: target }];
  }

  return readdirSync(target, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: join(target, name) }))
    .filter(({ file }) => statSync(file).isFile());
}

const files = targets.flatMap(jsonFiles);
if (files.length === 0) {
  console.error(`No .json file in ${targets.join(', ')}.`);
  process.exit(1);
}

let failed = 0;
for (const { file, problem } of files) {
  const inside = relative(process.cwd(), file);
  const name = inside && !inside.startsWith('..') ? inside : file;
  let errors;
  let warnings = [];
  if (problem) {
    errors = [{ validator: 'file', path: name, message: problem }];
  } else {
    let resource;
    try {
      resource = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      resource = undefined;
      errors = [{ validator: 'json', path: name, message: `not valid JSON (${error.message})` }];
    }

    if (!errors) {
      ({ errors, warnings } = validateResource(resource));
    }
  }

  console.log(`${errors.length === 0 ? 'ok' : 'FAIL'}  ${name}`);
  for (const error of errors) {
    console.log(`  error [${error.validator}] ${error.path}: ${error.message}`);
  }

  if (showWarnings) {
    for (const warning of warnings) {
      console.log(`  warning [${warning.validator}] ${warning.path}: ${warning.message}`);
    }
  }

  failed += errors.length === 0 ? 0 : 1;
}

if (failed > 0) {
  console.log(`${failed} of ${files.length} file(s) invalid`);
}

process.exit(failed === 0 ? 0 : 1);
