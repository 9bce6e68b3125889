// Tests that need a tool outside the package (Chromium, Python with pandas,
// patch): CI installs each (.ci/run) and runs them whether the tool is
// there or not, so a missing tool fails CI; elsewhere they skip, saying so.

/** True when the tests run in CI (.ci/run sets CI). */
export const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/**
 * Whether a test that needs a tool runs: always in CI, where a missing tool
 * then fails it; elsewhere only when the tool is there (a warning says why
 * it is skipped).
 *
 * @param tool - the tool, for the warning
 * @param present - whether it is installed
 * @returns true to run the test
 */
export function needs(tool: string, present: boolean): boolean {
  if (!present && !IN_CI) console.warn(`skipped: ${tool} is not installed here (CI installs it, and fails without it)`);
  return present || IN_CI;
}
