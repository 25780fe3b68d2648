// argon2id password hashing at the OWASP / ASVS 5.0 minimum (m = 19 MiB, t = 2, p = 1), and a
// dummy verification so an unknown email costs the same time as a wrong password (SECURITY.md A2).
import { Injectable } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';
import { randomSecret } from '../../common/secrets';

/** OWASP Password Storage Cheat Sheet, argon2id option 5 (19 MiB, 2 iterations, 1 lane). */
export const ARGON2_OPTIONS: Options = {
  // Algorithm.Argon2id; the package exports it as a const enum, which isolatedModules cannot inline.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  /** False for a wrong password and for a hash this build cannot read; never throws on user input. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification and answers false: the unknown-account path. */
  async verifyNobody(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomSecret());
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
