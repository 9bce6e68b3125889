/** A value in a line: JSON, cut to a readable length (`(none)` for no value). */
export function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

/**
 * Two values as JSON, each cut to a readable length around where they
 * differ: the common start and end are elided, so two long texts that
 * differ late show the difference, not the same first 70 characters.
 */
export function shownPair(before: unknown, after: unknown, width = 70): [string, string] {
  if (before === undefined || after === undefined) return [shown(before), shown(after)];
  const a = JSON.stringify(before);
  const b = JSON.stringify(after);
  if (a.length <= width && b.length <= width) return [a, b];
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const context = 20;
  const cut = (text: string) => {
    const from = Math.max(0, prefix - context);
    const to = Math.min(text.length, Math.max(text.length - suffix + context, from + width));
    let piece = text.slice(from, to);
    if (piece.length > width) piece = `${piece.slice(0, width - 3)}...`;
    else if (to < text.length) piece = `${piece}...`;
    return from > 0 ? `...${piece}` : piece;
  };
  return [cut(a), cut(b)];
}
