/** Public API of staff authorisation rules: roles, the permission table and the password policy. */
export * from './password-policy.js';
export * from './permissions.js';
