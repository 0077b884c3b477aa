/** Time and ids: the fake's clock in ms, local times in the company's zone, monotonic ULIDs. */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { HumanityStore } from './store';

const ULID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function nowMs(fake: HumanityStore): number {
	return fake.options.clock().getTime();
}

export function localMs(fake: HumanityStore, value: string): number {
	const zone = fake.options.timeZone;
	const parsed = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(value)
		? DateTime.fromFormat(value.length === 16 ? `${value}:00` : value, 'yyyy-MM-dd HH:mm:ss', {
				zone,
			})
		: DateTime.fromISO(value, { zone });
	if (!parsed.isValid) throw new Error(`Not a date-time: ${value}`);
	return parsed.toMillis();
}

/** A lowercase ULID (as seed 004's ids), monotonic: ids sort in creation order even with a frozen clock. */
export function ulid(fake: HumanityStore): string {
	const now = Math.max(nowMs(fake), fake.lastUlidTime);
	if (now === fake.lastUlidTime) fake.ulidSeq++;
	else fake.ulidSeq = 0;
	fake.lastUlidTime = now;
	let time = '';
	let t = now;
	for (let i = 0; i < 10; i++) {
		time = ULID_ALPHABET[t % 32] + time;
		t = Math.floor(t / 32);
	}
	// The random part: 6 random characters, then the sequence (10 characters) so that order holds.
	const random = [...randomBytes(6)].map((byte) => ULID_ALPHABET[byte % 32]).join('');
	let seq = '';
	let s = fake.ulidSeq;
	for (let i = 0; i < 10; i++) {
		seq = ULID_ALPHABET[s % 32] + seq;
		s = Math.floor(s / 32);
	}
	return time + seq + random;
}
