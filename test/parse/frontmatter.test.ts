import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/index.js';
import { splitFrontMatter } from '../../src/parse/frontmatter.js';
import { makeEvent } from '../helpers/events.js';
import { stringifyEvent } from '../../src/index.js';

const SEED = stringifyEvent(makeEvent());

describe('splitFrontMatter', () => {
  it('closes the front matter only at a line that is exactly ---', () => {
    const parts = splitFrontMatter('---\nid: x\n---  \n\n\nbody\n');
    expect(parts).toEqual({ yaml: 'id: x', yamlLine: 2, body: 'body\n', bodyLine: 6 });
    expect(splitFrontMatter('---\n---\nbody')).toEqual({ yaml: '', yamlLine: 2, body: 'body', bodyLine: 3 });
  });

  it('names a line that starts with --- but is no fence', () => {
    for (const line of ['----------------', '--- # a comment', '---x']) {
      const parts = splitFrontMatter(`---\nid: x\n${line}\nstatus: confirmed\n---\nbody`);
      expect(parts).toMatchObject({ yaml: `id: x\n${line}\nstatus: confirmed`, falseFence: 3 });
    }
  });

  it('takes time linear in the text: a mebibyte of blank lines', () => {
    const text = `---\n${'\n'.repeat(1024 * 1024 - 100)}id: x\n---\nbody`;
    const started = performance.now();
    const parts = splitFrontMatter(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect('yaml' in parts && parts.bodyLine).toBe(1024 * 1024 - 100 + 4);
  });
});

describe('parseEvent and the fence', () => {
  it('refuses a file whose keys would become the summary after a line of dashes, naming the line', () => {
    const text = SEED.replace('importance: 5\n', 'importance: 5\n----------------\n');
    const { event, issues } = parseEvent(text, { mode: 'lenient' });
    expect(event).toBeUndefined();
    expect(issues.map((i) => [i.code, i.line])).toEqual([['frontmatter/fence', 6]]);
    const comment = parseEvent(SEED.replace('importance: 5\n', 'importance: 5\n--- # separator\n'));
    expect(comment.issues.map((i) => i.code)).toEqual(['frontmatter/fence']);
  });

  it('validates a mebibyte of blank front matter lines in linear time', () => {
    const text = SEED.replace('---\n', `---\n${'\n'.repeat(1000 * 1000)}`);
    const started = performance.now();
    const { event } = parseEvent(text, { maxLength: 2 * 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(event?.id).toBe(makeEvent().id);
  });
});
