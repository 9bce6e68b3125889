// The tables of docs/maintaining.md, generated from the catalogue of issue
// codes and the lint rules: `npm run docs:codes` writes them, and the docs
// test fails when the page differs.
import { ISSUE_CODES, type IssueCodeInfo } from '../../src/index.js';
import { RULES } from '../../src/lint.js';

const SEVERITY: Record<IssueCodeInfo['severity'], string> = { error: 'error', warning: 'warning', legacy: 'error when strict, warning when lenient' };

export function issueCodeTable(): string {
  const rows = Object.entries(ISSUE_CODES as Record<string, IssueCodeInfo>).map(([code, info]) => `| \`${code}\` | ${SEVERITY[info.severity]} | ${info.meaning} |`);
  return ['| code | severity | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

export function lintRuleTable(): string {
  const rows = RULES.map((rule) => `| \`${rule.code}\` | ${rule.severity} | ${rule.description} |`);
  return ['| code | severity | what it finds, and what to do |', '| --- | --- | --- |', ...rows].join('\n');
}

const block = (name: string, body: string) => `<!-- ${name}:start (generated: npm run docs:codes) -->\n${body}\n<!-- ${name}:end -->`;

/** The page with both tables put in their places. */
export function withTables(page: string): string {
  return page
    .replace(/<!-- issue-codes:start[^>]*-->[\s\S]*?<!-- issue-codes:end -->/, block('issue-codes', issueCodeTable()))
    .replace(/<!-- lint-rules:start[^>]*-->[\s\S]*?<!-- lint-rules:end -->/, block('lint-rules', lintRuleTable()));
}
