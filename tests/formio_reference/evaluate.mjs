// Reference engine for tests/test_formio_differential.py: Form.io's own server-side processing.
//
// Reads a JSON batch on stdin, `[{definition, data}, ...]`, and prints one JSON array with,
// per case, `{valid, paths, errors: [{path, rule}]}` as @formio/core computes them (`crash`
// instead when it throws). One process handles the whole batch, so Node starts once.
//
// The pipeline is the one the Form.io server runs on a submission (formio/formio,
// src/resources/Validator.js): every processor of `Processors` (server overrides, filter,
// defaults, conditionals, logic, normalisation, clearing hidden values, validation) with the
// client rules plus the server rules, `server: true`. The older two-pass pipeline
// (`ProcessTargets.submission`, then `ProcessTargets.evaluator`), deprecated in @formio/core 2,
// gives the same verdicts except on grids of empty rows, which its filter step drops first.
// Rules needing Form.io's database or the network (unique across submissions, resource and
// URL selects) have no synchronous form and do not run here, as without those hooks.
// No JavaScript of a form runs either: Sportello refuses such forms when they are saved.
import { readFileSync } from 'node:fs';
import core from '@formio/core';

const { Processors, processSync, rules, serverRules } = core;

function evaluate({ definition, data }) {
  const submission = JSON.parse(JSON.stringify({ data }));
  const context = {
    form: definition,
    submission,
    components: definition.components || [],
    data: submission.data,
    processors: Processors,
    rules: [...rules, ...serverRules],
    scope: {},
    options: { server: true },
    config: { server: true },
  };
  try {
    context.scope = processSync(context);
  } catch (error) {
    return { valid: false, paths: [], errors: [], crash: String((error && error.stack) || error) };
  }
  const errors = (context.scope.errors || [])
    .filter((error) => (error.level || 'error') === 'error')
    .map((error) => ({ path: String(error.context.path), rule: error.ruleName }));
  const paths = [...new Set(errors.map((error) => error.path))];
  return { valid: errors.length === 0, paths, errors };
}

const batch = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(batch.map(evaluate)));
