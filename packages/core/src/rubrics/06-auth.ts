import { article, itemRoute, primaryTable, route, words } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const auth: RubricDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const list = route(primary);
  const item = itemRoute(primary);

  return {
    milestone: 'auth',
    shows: 'The learner thinks about what an attacker sends, not only what a client sends, and keeps credentials out of storage, logs and responses.',
    evidence: [
      'The migration that adds `users` and `owner_id`, and the password hashing module.',
      `The middleware that resolves the caller, and the SQL of \`PATCH ${item}\` and \`DELETE ${item}\`.`,
      'The written choice between signed tokens and stored sessions, and the log output of a failed login.',
    ],
    levels: {
      strong: [
        sign('Passwords are hashed with scrypt or argon2id with a per-user salt and the parameters stored next to the hash; comparison uses `timingSafeEqual`.', 'auth.register-hashes-password'),
        sign('Login returns the same 401 body for an unknown email and a wrong password, and still hashes when the user does not exist.', 'auth.login'),
        sign(
          `Ownership is in the SQL (\`WHERE id = ? AND owner_id = ?\`); only when nothing matched does the code look again to choose 404 or 403. \`owner_id\` never comes from the body.`,
          'auth.ownership',
        ),
        sign('The learner grepped the logs of a run with failed logins and shows that no password, hash or token appears.'),
        sign('The expiry is read from `AUTH_TTL_SECONDS`, and the decision record says what revoking a credential costs with the chosen design.', 'auth.expiry'),
      ],
      adequate: [
        sign('Every auth criterion passes.', 'auth.register-hashes-password', 'auth.login', 'auth.writes-need-credentials', 'auth.ownership', 'auth.expiry'),
        sign('Ownership is enforced by reading the row and comparing in JavaScript; correct, but a second query and a window between the read and the write.'),
        sign('The token or session choice is made but not written down, or the cost of it is missing.'),
      ],
      weak: [
        sign('A fast general-purpose hash (SHA-256, MD5) or no salt; or the hash is returned in the register response.', 'auth.register-hashes-password'),
        sign(`\`owner_id\` is taken from the request body, so anyone can create ${article(words(primary.singular))} in someone else's name.`, 'auth.ownership'),
        sign('Tokens never expire: the same credentials still work after `AUTH_TTL_SECONDS`.', 'auth.expiry'),
        sign('The JWT algorithm is read from the token header instead of pinned when verifying, so a forged token can choose a weaker one.'),
      ],
    },
    reference: {
      approach: [
        'One reversible migration: `users` with a case-insensitive unique email, and a nullable, indexed `owner_id` on the primary table.',
        `A small auth module (hashing, login, credential check) and one middleware applied to the writes on \`${list}\`; reads stay public.`,
        'Either a pinned-algorithm JWT with an expiry, or an opaque session id stored hashed with `expires_at`; both pass, the record says why.',
      ],
      mistakes: [
        mistake(
          'Trusting `owner_id` from the body',
          'The create handler spreads the body into the insert; user A can create rows owned by user B.',
          'auth.ownership',
        ),
        mistake(
          'Telling users apart at login',
          'An unknown email gets 404 or a different message from a wrong password, which tells an attacker which emails are registered.',
          'auth.login',
        ),
        mistake(
          'Logging the credential',
          'A debug line logs the login body or the Authorization header under a path the redaction does not cover; only review and a log grep find it.',
        ),
      ],
    },
  };
};
