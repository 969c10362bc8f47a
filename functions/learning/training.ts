/**
 * Training hours into training days, by the rules in content/training-rules.yaml
 * (../shared/DOMAIN.md): hours per day (6), a yearly target (7 days), and yearly caps per
 * training category (short learning sessions count at most 30 hours a year). Pure.
 */
import type { TrainingRules } from '../catalogue/content/schema';
import type { TrainingYear } from './api';

export type { TrainingRules };
export const trainingCategories = ['formal', 'learning-session', 'self-learning'] as const;
export type TrainingCategory = (typeof trainingCategories)[number];

export type HoursByCategory = Partial<Record<TrainingCategory, number>>;

/** Days are shown to one decimal, rounded down: 5.99 days has not met a 6-day target. */
const floorTenth = (n: number) => Math.floor(n * 10 + 1e-9) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function trainingYear(year: number, hours: HoursByCategory, rules: TrainingRules): TrainingYear {
  const byCategory = trainingCategories.map((category) => {
    const h = hours[category] ?? 0;
    const cap = rules.yearlyHourCaps[category];
    return { category, hours: round2(h), countedHours: round2(cap === undefined ? h : Math.min(h, cap)) };
  });
  const total = byCategory.reduce((s, c) => s + c.hours, 0);
  const counted = byCategory.reduce((s, c) => s + c.countedHours, 0);
  const days = floorTenth(counted / rules.hoursPerDay);
  return {
    year,
    hours: round2(total),
    countedHours: round2(counted),
    days,
    targetDays: rules.targetDays,
    byCategory,
    metTarget: days >= rules.targetDays,
  };
}

/** The calendar year in Malaysia (UTC+8, no daylight saving) of an ISO instant. */
export function malaysianYear(iso: string): number {
  return new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear();
}

/** `yyyy-mm` in Malaysia, for the month index of completions. */
export function malaysianMonth(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);
}
