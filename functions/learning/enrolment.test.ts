import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetsCompletion, scoreQuiz } from './enrolment';

const quiz = {
  passMark: 70, maxAttempts: 3, showCorrectAnswers: true,
  questions: [
    { id: 'q1', prompt: { ms: 'S1', en: 'Q1' }, kind: 'single' as const, options: [{ id: 'a', text: { ms: 'A', en: 'A' } }, { id: 'b', text: { ms: 'B', en: 'B' } }], correct: ['b'] },
    { id: 'q2', prompt: { ms: 'S2', en: 'Q2' }, kind: 'multiple' as const, options: ['a', 'b', 'c'].map((id) => ({ id, text: { ms: id, en: id } })), correct: ['a', 'c'] },
    { id: 'q3', prompt: { ms: 'S3', en: 'Q3' }, kind: 'single' as const, options: [{ id: 'a', text: { ms: 'A', en: 'A' } }, { id: 'b', text: { ms: 'B', en: 'B' } }], correct: ['a'] },
  ],
};

describe('scoring a quiz', () => {
  it('needs exactly the right options of a multiple-answer question', () => {
    const r = scoreQuiz(quiz, [{ questionId: 'q1', optionIds: ['b'] }, { questionId: 'q2', optionIds: ['a'] }, { questionId: 'q3', optionIds: ['a'] }]);
    expect(r).toMatchObject({ score: 66, passed: false });
    expect('results' in r && r.results.map((x) => x.correct)).toEqual([true, false, true]);
  });

  it('passes at the pass mark', () => {
    expect(scoreQuiz(quiz, [{ questionId: 'q1', optionIds: ['b'] }, { questionId: 'q2', optionIds: ['c', 'a'] }, { questionId: 'q3', optionIds: ['a'] }])).toMatchObject({ score: 100, passed: true });
  });

  it('names every problem: unknown question, unknown option, two options on a single, twice, unanswered', () => {
    const r = scoreQuiz(quiz, [
      { questionId: 'q1', optionIds: ['a', 'b'] },
      { questionId: 'q1', optionIds: ['a'] },
      { questionId: 'q2', optionIds: ['z'] },
      { questionId: 'nope', optionIds: ['a'] },
    ]);
    expect('problems' in r && r.problems).toEqual([
      { field: 'answers.0.optionIds', problem: 'ONE_OPTION_ONLY' },
      { field: 'answers.1.questionId', problem: 'ANSWERED_TWICE' },
      { field: 'answers.2.optionIds', problem: 'OPTION_UNKNOWN' },
      { field: 'answers.3.questionId', problem: 'QUESTION_UNKNOWN' },
      { field: 'answers.q3', problem: 'UNANSWERED' },
    ]);
  });

  it('scores any complete, well-formed submission between 0 and 100, and passes exactly at or above the mark', () => {
    const answer = fc.tuple(fc.constantFrom('a', 'b'), fc.subarray(['a', 'b', 'c'], { minLength: 1 }), fc.constantFrom('a', 'b'));
    fc.assert(fc.property(answer, ([a1, a2, a3]) => {
      const r = scoreQuiz(quiz, [{ questionId: 'q1', optionIds: [a1] }, { questionId: 'q2', optionIds: a2 }, { questionId: 'q3', optionIds: [a3] }]);
      if (!('score' in r)) return false;
      return r.score >= 0 && r.score <= 100 && r.passed === (r.score >= quiz.passMark);
    }));
  });
});

describe('completion rule', () => {
  it('needs every required lesson and a passed quiz', () => {
    expect(meetsCompletion({ required: ['a', 'b'], lessonsDone: ['b', 'a', 'x'], passed: true })).toBe(true);
    expect(meetsCompletion({ required: ['a', 'b'], lessonsDone: ['a'], passed: true })).toBe(false);
    expect(meetsCompletion({ required: ['a'], lessonsDone: ['a'], passed: false })).toBe(false);
  });
});
