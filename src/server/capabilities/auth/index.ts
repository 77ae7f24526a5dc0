/** Sign-in, second factor, enrolment, recovery codes and sessions: the routes other code may mount. */
export { authRoutes } from './auth.routes.js';
/** For an authenticator reset by an administrator (users capability): earlier codes stop working. */
export { revokeRecoveryCodes } from './auth.queries.js';
/** For start-up: TOTP secrets sealed at rest with the key held outside the database. */
export { sealStoredTotpSecrets, storedTotpSecretsAreSealed } from './totp-secrets.js';
/** For a witness confirming at another person's screen (ledger): password and a fresh TOTP code. */
export { reauthenticateUser, type Reauthentication } from './reauthenticate.js';
