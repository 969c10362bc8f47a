import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roles } from '../../core/access';
import { assignmentsOf, checkCredentials, loadDemoAccounts, orgUnitIds, parseDemoAccounts } from './accounts';

const repo = resolve(import.meta.dirname, '../../..');
const file = join(repo, 'content/demo/accounts.yaml');
const orgIds = orgUnitIds(join(repo, 'content/org'));

const valid = `
accounts:
  - username: contoh
    password: demo
    sub: demo-contoh
    name: Contoh binti Contoh
    sex: female
    mykad: "880314055246"
    phone: "+60120000101"
    kind: participant
    role: { ms: Peserta, en: Participant }
    assignments:
      - { role: learner, org: MY-05 }
`;
const withChange = (from: string, to: string) => valid.replace(from, to);

describe('demo accounts', () => {
  const accounts = loadDemoAccounts(file, { orgIds });

  it('the shipped file is valid and says it is local only, with password demo', () => {
    const header = readFileSync(file, 'utf8').split('\naccounts:')[0]!;
    expect(header).toMatch(/LOCAL ONLY/);
    expect(header).toMatch(/password is `demo`/);
    expect(header).toMatch(/FICTITIOUS/);
    expect(accounts.every((a) => a.password === 'demo')).toBe(true);
  });

  it('has someone for every role, a programme admin per programme and a participant without email', () => {
    const held = new Set(accounts.flatMap((a) => a.assignments.map((x) => x.role)));
    expect([...held].sort()).toEqual([...roles].sort());
    const programmes = accounts.flatMap((a) => a.assignments.filter((x) => x.role === 'programme-admin').map((x) => x.programme));
    expect(programmes.sort()).toEqual(['3.1', '7.1', '7.2']);
    expect(accounts.some((a) => a.kind === 'participant' && a.email === undefined)).toBe(true);
    expect(accounts.find((a) => a.assignments.some((x) => x.role === 'finance-officer'))?.assignments[0]?.org).toBe('PKN-NS');
  });

  it('maps assignments to the shared kernel shape', () => {
    const admin = accounts.find((a) => a.username === 'pentadbir-7-2')!;
    expect(assignmentsOf(admin)).toEqual([{ role: 'programme-admin', orgId: 'MY-05', programme: '7.2' }]);
  });

  it('accepts a minimal valid file', () => {
    expect(parseDemoAccounts(valid, { orgIds })).toHaveLength(1);
  });

  it.each([
    ['an impossible date', withChange('880314055246', '880231055246'), 'mykad'],
    ['a place of birth outside Negeri Sembilan', withChange('880314055246', '880314145246'), 'Negeri Sembilan'],
    ['a MyKad whose last digit disagrees with the sex', withChange('880314055246', '880314055247'), 'says male'],
    ['a landline instead of a mobile', withChange('+60120000101', '+6067654321'), 'phone'],
    ['a phone not in E.164', withChange('+60120000101', '012-000 0101'), 'phone'],
    ['an unknown organisation unit', withChange('org: MY-05', 'org: NOWHERE'), 'unknown organisation unit "NOWHERE"'],
    ['a programme admin without a programme', withChange('role: learner', 'role: programme-admin'), 'programme'],
    ['an unknown role', withChange('role: learner', 'role: superuser'), 'assignments.0.role'],
    ['an unknown field', withChange('kind: participant', 'kind: participant\n    ic: x'), 'Unrecognized key: "ic"'],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseDemoAccounts(text, { orgIds })).toThrow(message);
  });

  it('refuses duplicate usernames', () => {
    const twice = valid + valid.split('accounts:\n')[1]!.replace('sub: demo-contoh', 'sub: demo-dua');
    expect(() => parseDemoAccounts(twice)).toThrow('duplicate username "contoh"');
  });

  it('checks credentials: exact password, username case-insensitive, unknown users refused', () => {
    expect(checkCredentials(accounts, 'guru', 'demo')?.sub).toBe('demo-teacher');
    expect(checkCredentials(accounts, ' GURU ', 'demo')?.sub).toBe('demo-teacher');
    expect(checkCredentials(accounts, 'guru', 'Demo')).toBeUndefined();
    expect(checkCredentials(accounts, 'guru', '')).toBeUndefined();
    expect(checkCredentials(accounts, 'tiada', 'demo')).toBeUndefined();
  });
});
