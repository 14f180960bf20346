import { decideSignIn } from './sign-in-policy';

describe('decideSignIn', () => {
  const required = ['bff-admin'];

  it('issues a session to a user with no factor in a role that needs none', () => {
    expect(decideSignIn({ methods: [], role: 'authenticated', requiredRoles: required })).toEqual({ kind: 'issue' });
    expect(decideSignIn({ methods: [], role: null, requiredRoles: required })).toEqual({ kind: 'issue' });
  });

  it('asks for a second factor whenever the user has one, whatever the role', () => {
    expect(decideSignIn({ methods: ['totp', 'recovery_code'], role: 'authenticated', requiredRoles: [] })).toEqual({ kind: 'verify', methods: ['totp', 'recovery_code'] });
    expect(decideSignIn({ methods: ['totp'], role: 'bff-admin', requiredRoles: required })).toEqual({ kind: 'verify', methods: ['totp'] });
  });

  it('sends a required-role user without a factor to enrolment', () => {
    expect(decideSignIn({ methods: [], role: 'bff-admin', requiredRoles: required })).toEqual({ kind: 'enroll' });
  });

  it('re-issues an aal2 session without asking again, but not an aal1 one', () => {
    expect(decideSignIn({ methods: ['totp'], role: 'bff-admin', requiredRoles: required, currentAal: 2 })).toEqual({ kind: 'issue' });
    expect(decideSignIn({ methods: ['totp'], role: 'authenticated', requiredRoles: [], currentAal: 1 })).toEqual({ kind: 'verify', methods: ['totp'] });
    expect(decideSignIn({ methods: [], role: 'bff-admin', requiredRoles: required, currentAal: 1 })).toEqual({ kind: 'enroll' });
  });
});
