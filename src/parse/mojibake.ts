// UTF-8 bytes of a character decoded one by one as Windows-1252 (or Latin-1)
// turn into a lead character from `Â`-`ô` followed by one to three characters
// that stand for the bytes 0x80-0xBF. Windows-1252 maps some of those bytes to
// characters outside Latin-1, listed here.
const CP1252_HIGH = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const CONT = `[\\u0080-\\u00bf${CP1252_HIGH}]`;

/**
 * Matches one mis-decoded UTF-8 sequence: a two-byte lead (`Â`-`ß`) with one
 * continuation, a three-byte lead (`à`-`ï`) with two, or a four-byte lead
 * (`ð`-`ô`) with three.
 */
const MOJIBAKE_PATTERN = new RegExp(
  `[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`,
  'g',
);

const CP1252_TO_BYTE: Record<string, number> = {};
for (let i = 0; i < CP1252_HIGH.length; i++) {
  // The high characters above stand for these bytes, in order.
  CP1252_TO_BYTE[CP1252_HIGH[i]!] = [
    0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
    0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
  ][i]!;
}

/** One run of mis-decoded text. */
export interface MojibakeRun {
  /** Offset of the run in the text. */
  index: number;
  /** The damaged characters, as found. */
  found: string;
  /** What they stand for. */
  repaired: string;
}

const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

function decodeRun(run: string): string | undefined {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const ch = run[i]!;
    const code = ch.charCodeAt(0);
    const byte = code <= 0xff ? code : CP1252_TO_BYTE[ch];
    if (byte === undefined) return undefined;
    bytes[i] = byte;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Finds UTF-8 text that was decoded as Windows-1252 or Latin-1 (`â€”` for `—`,
 * `Ã©` for `é`). Only sequences that decode back to valid UTF-8 count, so
 * ordinary accented text is not flagged.
 *
 * @param text - the text to search
 * @returns each damaged run with its offset and the text it stands for
 *
 * @example
 * ```ts
 * findMojibake('since 1992â€”over three decades');
 * // => [{ index: 10, found: 'â€”', repaired: '—' }]
 * ```
 */
export function findMojibake(text: string): MojibakeRun[] {
  const found: MojibakeRun[] = [];
  // Fast exit: every damaged sequence starts with a character in Â-ô.
  if (!/[\u00c2-\u00f4]/.test(text)) return found;
  for (const match of text.matchAll(MOJIBAKE_PATTERN)) {
    const repaired = decodeRun(match[0]);
    if (repaired !== undefined) found.push({ index: match.index, found: match[0], repaired });
  }
  return found;
}

/**
 * Repairs every mis-decoded UTF-8 sequence {@link findMojibake} finds; leaves
 * all other text as it is.
 *
 * @param text - the damaged text
 * @returns the repaired text
 *
 * @example
 * ```ts
 * repairMojibake('Israel since 1992â€”over three decades; cafÃ©');
 * // => 'Israel since 1992—over three decades; café'
 * ```
 */
export function repairMojibake(text: string): string {
  const runs = findMojibake(text);
  if (runs.length === 0) return text;
  let out = '';
  let last = 0;
  for (const run of runs) {
    out += text.slice(last, run.index) + run.repaired;
    last = run.index + run.found.length;
  }
  return out + text.slice(last);
}
