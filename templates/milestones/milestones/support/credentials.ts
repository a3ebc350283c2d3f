import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';

/**
 * Headers that let a check write once the auth milestone has put writes behind credentials. Each probe is a
 * write that changes nothing (an empty body, refused by validation either way); when one answers 401, a fresh
 * user registers at `POST /auth/register` and logs in at `POST /auth/login`, the contract the auth milestone
 * describes, and the check sends the token (or the session cookie) from then on.
 */
export async function credentialsFor(app: Express, probes: readonly string[]): Promise<Record<string, string>> {
  const statuses = await Promise.all(probes.map(async (path) => (await request(app).post(path).send({})).status));
  if (!statuses.includes(401)) return {};
  const user = { email: `check-${randomUUID()}@example.com`, password: `check-${randomUUID()}` };
  const registered = await request(app).post('/auth/register').send(user);
  if (registered.status !== 201) {
    throw new Error(`A write answered 401 without credentials, so the check registered a user: POST /auth/register answered ${registered.status}, not 201. See the auth milestone doc.`);
  }
  const login = await request(app).post('/auth/login').send(user);
  if (login.status !== 200) throw new Error(`POST /auth/login answered ${login.status} for the user the check just registered, not 200. See the auth milestone doc.`);
  const token = (login.body as { token?: unknown }).token;
  if (typeof token === 'string') return { authorization: `Bearer ${token}` };
  const cookies = ((login.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((cookie) => cookie.split(';')[0]);
  return { cookie: cookies.join('; ') };
}
