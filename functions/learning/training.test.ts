import { describe, expect, it } from 'vitest';
import { malaysianYear, trainingYear } from './training';

const rules = { hoursPerDay: 6, targetDays: 7, yearlyHourCaps: { 'learning-session': 30 }, source: { ms: '-', en: '-' } };

describe('training days', () => {
  it('counts 6 hours as one day and meets the 7-day target at 42 hours', () => {
    expect(trainingYear(2026, { 'self-learning': 12 }, rules)).toMatchObject({ hours: 12, days: 2, metTarget: false });
    expect(trainingYear(2026, { 'self-learning': 30, formal: 12 }, rules)).toMatchObject({ days: 7, metTarget: true });
  });

  it('caps learning-session hours at 30 a year but keeps the hours on record', () => {
    const y = trainingYear(2026, { 'learning-session': 45, formal: 6 }, rules);
    expect(y.hours).toBe(51);
    expect(y.countedHours).toBe(36);
    expect(y.days).toBe(6);
    expect(y.byCategory.find((c) => c.category === 'learning-session')).toEqual({ category: 'learning-session', hours: 45, countedHours: 30 });
  });

  it('rounds days down to a tenth, so almost is not enough', () => {
    const y = trainingYear(2026, { formal: 41.9 }, rules);
    expect(y.days).toBe(6.9);
    expect(y.metTarget).toBe(false);
  });

  it('follows the configured rules, not constants', () => {
    expect(trainingYear(2026, { formal: 40 }, { ...rules, hoursPerDay: 8, targetDays: 5 })).toMatchObject({ days: 5, metTarget: true, targetDays: 5 });
  });

  it('takes the year in Malaysian time', () => {
    expect(malaysianYear('2026-12-31T16:30:00Z')).toBe(2027);
    expect(malaysianYear('2026-12-31T15:59:59Z')).toBe(2026);
  });
});
