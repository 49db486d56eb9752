import assert from 'node:assert/strict';
import { todayIso } from '../server/src/model/dates.js';

describe('todayIso', () => {
  it('gives the local date the way toLocaleDateString("sv-SE") writes it', () => {
    // Around the turn of a year, a month and a day, and a leap day, in the local time zone.
    const dates = [
      new Date(2026, 0, 1, 0, 0, 1),
      new Date(2026, 11, 31, 23, 59, 59),
      new Date(2024, 1, 29, 12),
      new Date(2026, 10, 28, 2, 5),
    ];
    for (const d of dates) assert.equal(todayIso(d), d.toLocaleDateString('sv-SE'));
  });
});
