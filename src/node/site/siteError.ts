/** An error that stops a site build; nothing in the site changes. */
export class SiteError extends Error {
  override name = 'SiteError';
}
