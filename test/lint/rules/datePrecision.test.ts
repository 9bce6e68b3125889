import { describe, expect, it } from 'vitest';
import { lintEvents } from '../../../src/lint.js';
import { makeEvent } from '../../helpers/events.js';

const lint = (date: string, summary: string) =>
  lintEvents([{ event: makeEvent({ id: `${date}--x`, date, title: 'An event', summary }) }], { rules: ['lint/date-precision'] }).map((f) => f.message);

describe('lint/date-precision', () => {
  it('suggests a month or a year where the text names no day, and never otherwise', () => {
    expect(lint('1973-09-01', 'ALEC was founded in September 1973 by activists.')).toEqual(['1973-09-01: the text says September 1973 but no day; if only the month is known, write 1973-09']);
    expect(lint('1970-01-01', 'Through 1970 the network grew.')).toEqual(['1970-01-01: the text names the year 1970 but no day or month; if only the year is known, write 1970']);
    expect(lint('1973-09-01', 'On September 1, 1973, it was founded.')).toEqual([]);
    expect(lint('1973-09-01', 'It was founded on 1st September 1973.')).toEqual([]);
    expect(lint('1970-01-01', 'In January 1970 something happened.')).toEqual(['1970-01-01: the text says January 1970 but no day; if only the month is known, write 1970-01']);
    expect(lint('1973-09-02', 'In September 1973.')).toEqual([]);
    expect(lint('1973-09', 'In September 1973.')).toEqual([]);
  });
});
