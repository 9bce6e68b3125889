import { describe, expect, it } from 'vitest';
import { EventSchema, parseEvent, stringifyEvent } from '../../src/index.js';
import { sameTextKey, unsafeCharacter } from '../../src/model/fields.js';
import { makeEvent } from '../helpers/events.js';

describe('one-line text', () => {
  it('refuses control characters and bidirectional overrides, even written as YAML escapes', () => {
    for (const [escape, code] of [['\\0', 'U+0000'], ['\\e[2K', 'U+001B'], ['\\x85', 'U+0085'], ['\\u202e', 'U+202E'], ['\\u2066', 'U+2066'], ['\\t', 'U+0009']]) {
      const text = stringifyEvent(makeEvent()).replace(/^title: .*$/m, `title: "Before${escape}after"`);
      const { event, issues } = parseEvent(text);
      expect(event, escape).toBeUndefined();
      expect(issues).toHaveLength(1);
      expect(issues[0]!.message.startsWith(`title: expected a title with no control character or bidirectional override (found ${code}), got "Before`)).toBe(true);
    }
    expect(unsafeCharacter('Élysée — fine')).toBeUndefined();
  });
});

describe('each actor once', () => {
  it('compares names after NFC and without format characters', () => {
    const nfc = 'Andr\u00e9s Manuel L\u00f3pez Obrador';
    const nfd = nfc.normalize('NFD');
    const zeroWidth = `Andr\u00e9s\u200b Manuel L\u00f3pez Obrador`;
    expect(sameTextKey(nfd)).toBe(sameTextKey(nfc));
    expect(sameTextKey(zeroWidth)).toBe(sameTextKey(nfc));
    for (const twin of [nfd, zeroWidth]) {
      expect(EventSchema.safeParse({ ...makeEvent(), actors: [nfc, twin] }).success).toBe(false);
      const lenient = parseEvent(stringifyEvent({ ...makeEvent(), actors: [nfc] }).replace('- Andr', `- ${twin}\n- Andr`), { mode: 'lenient' });
      expect(lenient.event?.actors).toHaveLength(1);
    }
  });
});
