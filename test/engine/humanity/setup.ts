/**
 * What every Humanity engine test shares: the stateful fake on loopback, an engine with a credential that gets
 * its token by the password grant (none stored yet), the Morning bar world (`seed`), and the Humanity action
 * node run through it.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	HumanityFake,
	HUMANITY_API_PREFIX,
	HUMANITY_TOKEN_PATH,
	type HumanityMasterTask,
	type HumanityShift,
	type HumanityShiftTask,
} from '../../fakes/humanity';
import { Engine, runNode, type NodeSpec } from '../harness';
import { serveFake } from '../serveFake';

export const API = HUMANITY_API_PREFIX;
export let fake = new HumanityFake();
export let engine: Engine;
export let credentialId: string;

/** Points the helpers below (seed, live, apiCalls…) at another fake for the rest of the test. */
export const setFake = (other: HumanityFake) => (fake = other);

export const apiCalls = () => fake.requests.filter((request) => request.path.startsWith(API));
export const tokenRequests = () =>
	fake.requests.filter((request) => request.path === HUMANITY_TOKEN_PATH);

export function humanity(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: Partial<NodeSpec> = {},
) {
	return runNode(
		engine,
		{ type: 'humanity', credentialType: 'humanityApi', credentialId, parameters, ...extra },
		input,
	);
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const fromList = (value: string, cachedResultName: string) => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName,
});

interface World {
	shift: HumanityShift;
	other: HumanityShift;
	masters: HumanityMasterTask[];
	tasks: HumanityShiftTask[];
	positionId: number;
}

/** The Morning bar shift with its three tasks (regular, time-boxed, regular), a second shift with one, and master tasks. */
export function seed(): World {
	const { location, position, shift, masters, tasks } = fake.addMorningBar();
	const kitchen = fake.addPosition({ name: 'Kitchen', locationId: location.id });
	const other = fake.addShift({
		start: '2026-11-24 06:00',
		end: '2026-11-24 14:00',
		positionId: kitchen.id,
		title: 'Kitchen prep',
	});
	tasks.push(
		fake.addShiftTask({ shiftId: other.id, taskId: masters[3].id, name: 'Fridge temperature log' }),
	);
	return { shift, other, masters, tasks, positionId: position.id };
}

export const live = (shiftId: number) => fake.liveShiftTasks(shiftId);

/** In a test file: the fake listens for the whole file; each test starts with an empty Humanity, a new engine and credential. */
export function useHumanity(): void {
	serveFake(fake);
	beforeEach(() => {
		fake.reset();
		fake.clearForcedCodes();
		engine = new Engine();
		credentialId = engine.credentials.add('humanityApi', {
			...fake.credentialData(),
			accessToken: '',
			accessTokenExpiresAt: '',
		}).id!;
	});
}
