import { randomBytes, scrypt, timingSafeEqual, createHash } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

// Argon2id with OWASP's password storage cheat sheet's first configuration (m=19 MiB, t=2, p=1). The library's
// default algorithm is Argon2id; the parameters are written into the PHC string, so they can be raised later.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A PHC string: "$argon2id$v=19$m=19456,t=2,p=1$salt$hash". */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password.normalize('NFC'), ARGON2);
}

/** Verifies Argon2id hashes and the scrypt hashes written before them ("scrypt$N$r$p$salt$hash"). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) {
    try {
      return await argon2Verify(stored, password.normalize('NFC'));
    } catch {
      return false;
    }
  }
  return verifyScrypt(password, stored);
}

/** True for hashes made with an older scheme or weaker parameters: sign-in then stores a fresh hash. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(
    `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`,
  );
}

const SCRYPT_KEY_LENGTH = 32;
const SCRYPT_MAX_MEM = 256 * 1024 * 1024;

function deriveScrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      SCRYPT_KEY_LENGTH,
      { N: n, r, p, maxmem: SCRYPT_MAX_MEM },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** Writes a hash the way the server did before Argon2id; kept so tests can prove old accounts still sign in. */
export async function hashScryptLegacy(password: string): Promise<string> {
  const [n, r, p] = [2 ** 17, 8, 1];
  const salt = randomBytes(16);
  const key = await deriveScrypt(password, salt, n, r, p);
  return ['scrypt', n, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  try {
    const key = await deriveScrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
    return key.length === expected.length && timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}

/** Session tokens are random; only their SHA-256 is stored, so a database leak does not leak sessions. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
