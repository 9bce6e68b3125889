import { buildSite } from '../../node/site/buildSite.js';
import { SiteError } from '../../node/site/siteError.js';
import { parse, UsageError } from '../args.js';
import { plural } from '../io.js';
import type { Command } from './types.js';

export const site: Command = {
  name: 'site',
  summary: 'render a built dataset as a static site',
  help: `Usage: democracy-timeline site DATA --out SITE --base-url URL
                               [--corrections-url TEMPLATE] [--release-date YYYY-MM-DD]

Renders a built data folder (what build or get writes) into a static site
any static host serves: a page per event (with its sources, a citation in
CSL-JSON and BibTeX, and schema.org JSON-LD), per tag, actor and year;
pages at former and removed ids that lead on or say when the event was
removed; a JSON API under api/ (index.json lists every file with its bytes
and SHA-256); an Atom feed of each release's changes (feed.xml); a
sitemap; the explorer as the front page; the data files under data/.

  DATA          the data folder, or a folder holding data/ (as get makes)
  --out SITE    the site's folder; only files an earlier site build wrote
                are replaced or removed, and a file in the way that it did
                not write stops it, with nothing changed
  --base-url URL  the http(s) address the site is served from (canonical
                links, the feed and the sitemap are absolute)
  --corrections-url TEMPLATE  a link to report a correction on each event
                page, with {id} (and {title}) in it, such as
                https://github.com/OWNER/REPO/issues/new?title={id}
  --release-date DAY  the day of this release for the feed, when the site
                has not seen the release before (default: SOURCE_DATE_EPOCH's
                day, else today); the site keeps it in api/releases/

Exit status: 0; 1 when the data cannot make a site, a file is in the way,
or a tag, actor or id could not have a page (each named); 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('site', args, { out: { type: 'string' }, 'base-url': { type: 'string' }, 'corrections-url': { type: 'string' }, 'release-date': { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError(`site: give one data folder, got ${positionals.length}; run 'democracy-timeline site --help'`);
    if (!values.out) throw new UsageError('site: give the site folder with --out SITE');
    if (!values['base-url']) throw new UsageError('site: give the address the site is served from with --base-url URL (such as https://example.org/timeline/)');
    try {
      const result = await buildSite({ data: positionals[0]!, out: values.out, baseUrl: values['base-url'], correctionsUrl: values['corrections-url'], releaseDate: values['release-date'] });
      const p = result.pages;
      io.out(
        `site ${values.out}: ${plural(p.events, 'event page')}, ${plural(p.tags, 'tag')}, ${plural(p.actors, 'actor')}, ${plural(p.years, 'year')}, ${plural(p.moved, 'old address', 'old addresses')} leading on, ${plural(p.removed, 'removed id')}\n` +
          `${plural(result.files, 'file')}: ${result.written} written, ${result.files - result.written} unchanged, ${result.removed} removed; release ${result.release.version} of ${result.release.date} leads the feed\n`,
      );
      for (const s of result.skipped) io.err(`no page: ${s.name}: ${s.reason}\n`);
      if (result.skipped.length) io.err(`${plural(result.skipped.length, 'name')} had no page; the rest of the site is written\n`);
      return result.skipped.length ? 1 : 0;
    } catch (error) {
      if (error instanceof SiteError || error instanceof TypeError) {
        io.err(`site: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
