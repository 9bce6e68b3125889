// Prints the closing line of a test run from vitest's JSON report:
// "tests: N passed, N failed, N skipped". In CI (.ci/run sets CI) a skipped
// test fails the run: CI installs every tool the tests need, so a skip
// means a test did not run that should have. The one skip allowed is a
// test of the real corpus where the corpus is absent (it lives beside the
// repository, in ../shared, and is not part of it).
import { existsSync, readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? '.vitest-report.json', 'utf8'));
const passed = report.numPassedTests;
const failed = report.numFailedTests;
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);

const inCI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const hasCorpus = existsSync(new URL('../../shared/corpus/kleptocracy-timeline/events', import.meta.url));
const usesCorpus = (file) => existsSync(file) && /\bHAS_CORPUS\b/.test(readFileSync(file, 'utf8'));
const unexpected = inCI
  ? report.testResults.flatMap((file) =>
      file.assertionResults
        .filter((t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo')
        .filter(() => hasCorpus || !usesCorpus(file.name))
        .map((t) => `${file.name.replace(/^.*\/test\//, 'test/')}: ${t.fullName}`),
    )
  : [];
if (unexpected.length) console.log(`skipped in CI, where every test is meant to run:\n  ${unexpected.join('\n  ')}`);
process.exitCode = failed > 0 || passed === 0 || unexpected.length > 0 ? 1 : 0;
