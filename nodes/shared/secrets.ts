import { createHash, timingSafeEqual } from 'crypto';

/**
 * Whether a secret a request carries is the expected one, compared in constant time: both sides are hashed
 * first, so neither the content nor the length of the expected secret shows in the time taken.
 */
export function isSameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}
