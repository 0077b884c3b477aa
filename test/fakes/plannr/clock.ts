/** Time and ids: the fake's clock, the firm's zone, uuids by kind, positions in a status. */
import { DateTime } from 'luxon';
import type { PlannrStore } from './store';

const uuidCodes = {
	firm: 'f1a00000',
	account: 'acc00000',
	user: '05e40000',
	login: '10a10000',
	status: '57a70000',
	case: 'ca5e0000',
	plan: '91a40000',
	group: '9a090000',
	field: 'f1e10000',
	task: '7a5c0000',
	webhook: '4eb00000',
} as const;

export function nowMs(fake: PlannrStore): number {
	return fake.options.clock().getTime();
}

export function zoned(
	fake: PlannrStore,
	offset: { days?: number; hours?: number; minutes?: number; seconds?: number } = {},
): DateTime {
	return DateTime.fromJSDate(fake.options.clock()).setZone(fake.options.timeZone).plus(offset);
}

export function localNow(fake: PlannrStore): string {
	return fake.localTime();
}

export function uuid(fake: PlannrStore, kind: keyof typeof uuidCodes): string {
	const n = (fake.counters.get(kind) ?? 0) + 1;
	fake.counters.set(kind, n);
	const code = uuidCodes[kind];
	return `${code}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function nextPosition(fake: PlannrStore, statusUuid: string): number {
	return [...fake.tasks.values()].filter((task) => task.status_uuid === statusUuid).length + 1;
}
