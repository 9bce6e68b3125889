import { describe, expect, it } from 'vitest';
import { parseActors } from '../../src/index.js';

describe('parseActors', () => {
  it('refuses a spelling that names two actors, at the line of the second', () => {
    const text = ['- id: donald-trump', '  name: Donald Trump', '  aliases: [Trump]', '  kind: person', '- id: trump-organization', '  name: Trump Organization', '  aliases:', '    - The Trump Organization', '    - trump', '  kind: organization', ''].join('\n');
    const { actors, issues } = parseActors(text, 'seeds/actors.yaml');
    expect(actors).toEqual([]);
    expect(issues).toMatchObject([{ severity: 'error', code: 'actors/spelling', file: 'seeds/actors.yaml', line: 9, path: '[1].aliases[1]' }]);
    expect(issues[0]!.message).toContain('"trump" also names donald-trump (entry 0)');
  });

  it('lets one entry repeat its own spelling, and matches spellings as queries do (case, accents, punctuation)', () => {
    expect(parseActors('- { id: a, name: José Martí, aliases: [jose marti], kind: person }\n').issues).toEqual([]);
    const clash = parseActors('- { id: a, name: José Martí, aliases: [], kind: person }\n- { id: b, name: B, aliases: [JOSE-MARTI], kind: person }\n');
    expect(clash.issues.map((i) => [i.code, i.line, i.path])).toEqual([['actors/spelling', 2, '[1].aliases[0]']]);
  });
});
