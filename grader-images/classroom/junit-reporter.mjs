// GitGrader's JUnit XML reporter for the Node.js test runner (Node 18 has no built-in one).
//
//   node --test --test-reporter=/opt/gitgrader/junit-reporter.mjs \
//        --test-reporter-destination=results.xml tests/
//
// Add `--test-reporter=spec --test-reporter-destination=stdout` to also print the usual report.
//
// One <testsuite> per test file; one <testcase> per leaf test: classname = the file (relative to
// the working directory), name = the test's name, prefixed with its enclosing describe() blocks
// and parent tests ("suite > inner suite > test"). describe() blocks and tests that only hold
// subtests are not cases, unless they failed on their own (a failing before() hook, say). A test
// file that crashes before reporting any test (a syntax error, a missing module) is one failing
// case named after the file, with what the file printed. Skipped and todo tests are <skipped/>.
import { relative } from 'node:path';
import { inspect } from 'node:util';

export default async function* junitReporter(source) {
  const files = new Map(); // file -> { completed: [], stdout: [], stderr: [] }
  const fileState = (file) => {
    const key = file ?? '';
    let state = files.get(key);
    if (!state) {
      state = { completed: [], stdout: [], stderr: [] };
      files.set(key, state);
    }
    return state;
  };

  for await (const event of source) {
    const data = event.data ?? {};
    switch (event.type) {
      case 'test:pass':
      case 'test:fail': {
        const state = fileState(data.file);
        const nesting = data.nesting ?? 0;
        // Subtests complete before their parent: every completed test deeper than this one that
        // is still waiting at the end of the list is one of its children.
        const children = [];
        while (state.completed.length > 0 && state.completed[state.completed.length - 1].nesting > nesting) {
          children.unshift(state.completed.pop());
        }
        state.completed.push({
          name: String(data.name ?? ''),
          nesting,
          file: data.file,
          passed: event.type === 'test:pass',
          skip: data.skip,
          todo: data.todo,
          suite: data.details?.type === 'suite',
          seconds: Number(data.details?.duration_ms ?? 0) / 1000,
          error: data.details?.error,
          children,
        });
        break;
      }
      case 'test:stdout':
        fileState(data.file).stdout.push(String(data.message ?? ''));
        break;
      case 'test:stderr':
        fileState(data.file).stderr.push(String(data.message ?? ''));
        break;
      case 'test:diagnostic':
        if (data.file) {
          fileState(data.file).stdout.push(`# ${data.message}\n`);
        }
        break;
      default:
        break;
    }
  }

  yield render(files);
}

function render(files) {
  const suites = [];
  let total = 0;
  let totalFailures = 0;
  let totalSkipped = 0;
  let totalTime = 0;
  for (const [file, state] of files) {
    const classname = file ? relative(process.cwd(), file) || file : '';
    const cases = [];
    for (const test of state.completed) {
      collect(test, [], classname, file, state, cases);
    }
    if (cases.length === 0 && state.stdout.length === 0 && state.stderr.length === 0) {
      continue;
    }
    const failures = cases.filter((c) => c.failure).length;
    const skipped = cases.filter((c) => c.skipped).length;
    const time = cases.reduce((sum, c) => sum + c.seconds, 0);
    total += cases.length;
    totalFailures += failures;
    totalSkipped += skipped;
    totalTime += time;

    const lines = [
      `  <testsuite name="${attr(classname || 'tests')}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}">`,
    ];
    for (const c of cases) {
      const open = `    <testcase classname="${attr(classname)}" name="${attr(c.name)}" time="${seconds(c.seconds)}"`;
      if (c.failure) {
        lines.push(`${open}>`);
        lines.push(`      <failure message="${attr(c.failure.message)}" type="${attr(c.failure.type)}">${text(c.failure.details)}</failure>`);
        lines.push('    </testcase>');
      } else if (c.skipped) {
        lines.push(`${open}>`);
        lines.push(`      <skipped message="${attr(c.skipped)}"/>`);
        lines.push('    </testcase>');
      } else {
        lines.push(`${open}/>`);
      }
    }
    if (state.stdout.length > 0) {
      lines.push(`    <system-out>${text(state.stdout.join(''))}</system-out>`);
    }
    if (state.stderr.length > 0) {
      lines.push(`    <system-err>${text(state.stderr.join(''))}</system-err>`);
    }
    lines.push('  </testsuite>');
    suites.push(lines.join('\n'));
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="node --test" tests="${total}" failures="${totalFailures}" errors="0" skipped="${totalSkipped}" time="${seconds(totalTime)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Adds the cases of one completed test (itself if a leaf, else its descendants) to `cases`. */
function collect(test, path, classname, file, state, cases) {
  // A crashed test file is reported as a top-level test named after the file's absolute path.
  const isFile = test.nesting === 0 && file && test.name === file;
  const name = isFile ? classname : [...path, test.name].join(' > ');
  const isLeaf = test.children.length === 0 && !test.suite;
  const failedOnItsOwn = !test.passed && test.error?.failureType !== 'subtestsFailed';

  if (isLeaf || failedOnItsOwn || (test.children.length === 0 && !test.passed)) {
    const entry = { name, seconds: test.seconds, failure: null, skipped: null };
    if (test.skip || test.todo) {
      entry.skipped = test.todo ? `todo${typeof test.todo === 'string' ? `: ${test.todo}` : ''}` : `skipped${typeof test.skip === 'string' ? `: ${test.skip}` : ''}`;
    }
    if (!test.passed && !test.todo) {
      entry.skipped = null;
      entry.failure = describeFailure(test.error);
      if (isFile) {
        const output = (state.stderr.join('') + state.stdout.join('')).trim();
        if (output) {
          entry.failure.details = `${entry.failure.details}\n\n${output}`.trim();
        }
      }
    }
    if (isLeaf || entry.failure) {
      cases.push(entry);
    }
  }

  const childPath = isFile ? path : [...path, test.name];
  for (const child of test.children) {
    collect(child, childPath, classname, file, state, cases);
  }
}

function describeFailure(error) {
  // The runner wraps what the test threw in an ERR_TEST_FAILURE error whose `cause` is the original.
  const wrapped = error && typeof error === 'object' && error.code === 'ERR_TEST_FAILURE' && 'cause' in error;
  const cause = wrapped ? error.cause : error;
  const type = (wrapped && error.failureType) || 'testCodeFailure';
  let message;
  let details;
  if (cause instanceof Error || (cause && typeof cause === 'object' && typeof cause.message === 'string')) {
    message = cause.message || cause.name || 'Error';
    const stack = typeof cause.stack === 'string' ? cleanStack(cause.stack) : '';
    details = stack.includes(cause.message) ? stack : [`${cause.name ?? 'Error'}: ${cause.message}`, stack].filter(Boolean).join('\n');
  } else if (typeof cause === 'string') {
    message = cause;
    details = cause;
  } else if (cause === undefined || cause === null) {
    message = type === 'testTimeoutFailure' ? 'test timed out' : 'test failed';
    details = message;
  } else {
    message = `threw ${inspect(cause, { depth: 4, breakLength: 100 })}`;
    details = message;
  }
  return { message: String(message), details: String(details), type: String(type) };
}

/** Drops the frames of Node's own code (node:internal/..., node:async_hooks, <anonymous>) from a stack trace. */
function cleanStack(stack) {
  return stack
    .split('\n')
    .filter((line) => !/^\s+at (.* \()?node:/.test(line) && !/^\s+at .*\(<anonymous>\)$/.test(line) && !/^\s+at (async )?Promise\.all /.test(line))
    .join('\n')
    .trimEnd();
}

function seconds(value) {
  return Number.isFinite(value) && value > 0 ? value.toFixed(6) : '0';
}

// ANSI escape sequences (colours in assertion diffs), then anything XML 1.0 cannot hold.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(value) {
  return String(value ?? '').replace(ANSI, '').replace(INVALID, '\ufffd');
}

function text(value) {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value) {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
