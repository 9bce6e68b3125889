import { RULES } from '../../lint/rules/index.js';
import { lintEvents } from '../../lint/lintEvents.js';
import { placeFindings } from '../../node/load/placeFindings.js';
import { int, parse, UsageError } from '../args.js';
import type { LintFinding } from '../../lint/types.js';
import { printIssues, printJson, summary } from '../io.js';
import { progress } from '../progress.js';
import { countLine, open, pathsOf, reportDropped } from '../load.js';
import type { Command } from './types.js';

export const lint: Command = {
  name: 'lint',
  summary: 'run the data-quality rules',
  help: `Usage: democracy-timeline lint [paths...] [--rule CODE]... [--registry FILE] [--json]
                                    [--provenance-status S]... [--provenance-tier N] [--provenance-no-archive]

Runs the data-quality rules over the event files under the paths (default:
seeds), read leniently. Variant groups come with their counts and, for
actors, the registry entry to add.

  --rule CODE      run only this rule (repeatable); codes:
                   ${RULES.map((r) => r.code.replace('lint/', '')).join(', ')}
  --registry FILE  the actor registry (default: actors.yaml in the first path)
  --json           one JSON document on stdout: { counts, findings }
  --provenance-status S    the statuses lint/provenance asks of (repeatable;
                           default confirmed)
  --provenance-tier N      the weakest tier it counts as strong (default 2)
  --provenance-no-archive  do not ask for an archive link on every source

Files that cannot be read or parsed are listed as errors: they cannot be
linted. Every file is linted, twins included (each is its own finding).

Exit status: 0 when no finding is an error and every file was linted; 1
otherwise, or when a named path does not exist or holds no event file; 2
for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('lint', args, {
      rule: { type: 'string', multiple: true },
      registry: { type: 'string' },
      json: { type: 'boolean' },
      'provenance-status': { type: 'string', multiple: true },
      'provenance-tier': { type: 'string' },
      'provenance-no-archive': { type: 'boolean' },
    });
    const maxTier = int('lint', 'provenance-tier', values['provenance-tier']);
    if (maxTier !== undefined && (maxTier < 1 || maxTier > 3)) throw new UsageError(`lint: --provenance-tier takes 1, 2 or 3, got ${maxTier}`);
    const provenance = { statuses: values['provenance-status'], maxTier, archive: values['provenance-no-archive'] ? false : undefined };
    const rules = values.rule?.map((r) => (r.startsWith('lint/') ? r : `lint/${r}`));
    for (const r of rules ?? []) if (!RULES.some((x) => x.code === r)) throw new UsageError(`lint: unknown rule "${r}"; run 'democracy-timeline lint --help'`);
    const paths = pathsOf(positionals);
    const project = await open(io, paths, { mode: 'lenient', keepDuplicates: true, registry: values.registry });
    const { events, files, registry, registryIssues } = project;
    // A file that could not be read or parsed cannot be linted: it is an error here too.
    const unread = project.issues.filter((i) => i.severity === 'error');
    // Each finding on a field gets the line and column where the field is written.
    const datasets = new Set(project.datasets);
    const line = progress(io, 'linting', { unit: 'rule' });
    let found: LintFinding[];
    try {
      found = lintEvents(
        // A record of a dataset file is placed at the line it starts on.
        events.map((event, i) => (datasets.has(files[i]!) ? { event, file: files[i], locate: () => ({ line: project.lines[i]!, column: 1 }) } : { event, file: files[i] })),
        { rules, registry, provenance: Object.fromEntries(Object.entries(provenance).filter(([, v]) => v !== undefined)), onProgress: (done, total, code) => line.update(done, total, code) },
      );
    } finally {
      line.end();
    }
    const findings = [...unread, ...registryIssues, ...placeFindings(found)];
    if (values.json) {
      const counts: Record<string, number> = {};
      for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
      printJson(io, { files: project.counts, counts, findings });
    } else {
      printIssues(io, findings);
      summary(io, findings, countLine(project.counts, 'linted'));
    }
    const dropped = reportDropped(io, project, { hint: 'each is named above', registryShown: true });
    return findings.some((f) => f.severity === 'error') || dropped ? 1 : 0;
  },
};
