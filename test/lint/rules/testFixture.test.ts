import { describe, expect, it } from 'vitest';
import { at, run } from '../../helpers/lint.js';

// Titles from ordinary reporting that use "test", "sample" and the like for what happened.
const ORDINARY = [
  ['central-hudson-commercial-speech-test', 'Powell creates Central Hudson test expanding corporate commercial speech rights'],
  ['ai-safety-institute-testing-agreement', 'OpenAI Signs AI Safety Institute Testing Agreement'],
  ['loyalty-testing-regime', 'Federal job applicants required to write MAGA loyalty essays'],
  ['starlink-lease-agreement', 'SpaceX Confirms Starlink Loan Agreement with FAA for Infrastructure Testing'],
  ['national-guard-authority-constitutional-test', 'National Guard Federalization Triggers Constitutional Crisis'],
  ['nist-facial-recognition-testing-suspended', 'NIST Suspends All Facial Recognition Testing During Government Shutdown'],
  ['test-case-voting-rights', 'Test Case on Voting Rights Act Reaches Supreme Court'],
  ['testimony-before-congress', 'Testimony Before Congress Contradicts Earlier Statements'],
  ['nuclear-test-ban', 'Senate Rejects Comprehensive Nuclear Test Ban Treaty'],
  ['drug-testing-federal-workers', 'Drug Testing Expanded for Federal Workers'],
  ['testing-data-covid', 'Testing Data Shows COVID Undercount in Prisons'],
  ['sample-ballots-mailed', 'Sample Ballots Mailed With Wrong Polling Places'],
  ['example-of-retaliation', 'Example of Retaliation Cited in Whistleblower Complaint'],
  ['stress-test-banks', 'Fed Waives Stress Tests for Regional Banks'],
  ['flight-test-boeing', 'FAA Delegates Flight Testing Oversight to Boeing'],
  ['demo-day-contract', 'Pentagon Awards Contract After Drone Demo'],
  ['loyalty-test-appointees', 'Appointees Face Political Loyalty Test'],
  ['protest-at-capitol', 'Protesters contest the results'],
  ['literacy-tests', 'Literacy Tests Used to Bar Black Voters'],
  ['test-of-wills', 'Test of Wills Between Governor and Legislature'],
  ['contested-election', 'Contested Election Sent to the House'],
  ['testing-post-office', 'Testing Post Office Ballot Delivery Times'],
] as const;

// Records left behind from trying the tooling.
const FIXTURES = [
  ['test-markdown-creation', 'Test Markdown Event Creation', 'A real summary.'],
  ['test-markdown-creation-final', 'Creation final', 'A real summary.'],
  ['entry-1', 'Test', 'A real summary.'],
  ['sample-event', 'Sample Event', 'A real summary.'],
  ['x', 'Budget vote', 'Lorem ipsum dolor sit amet.'],
  ['y', 'Placeholder for the hearing', 'To be written.'],
] as const;

describe('test-fixture', () => {
  it('finds no test data in ordinary uses of "test", "sample", "example" and "demo"', () => {
    const entries = ORDINARY.map(([slug, title]) => at('2025-03-01', slug, { title }));
    expect(entries.length).toBeGreaterThanOrEqual(20);
    expect(run(entries, 'lint/test-fixture').map((f) => f.message)).toEqual([]);
  });

  it('finds records that name themselves a test, and filler text, saying what gives them away', () => {
    const entries = FIXTURES.map(([slug, title, summary]) => at('2025-11-01', slug, { title, summary }));
    const findings = run(entries, 'lint/test-fixture');
    expect(findings.map((f) => f.file)).toEqual(entries.map((e) => e.file));
    expect(findings.map((f) => f.message.slice(f.message.indexOf(': ') + 2))).toEqual([
      'its title "Test Markdown Event Creation" names it a test',
      'its id "2025-11-01--test-markdown-creation-final" names it a test',
      'its title "Test" names it a test',
      'its title "Sample Event" names it a test',
      'it holds "lorem ipsum"',
      'it holds "placeholder"',
    ]);
  });
});
