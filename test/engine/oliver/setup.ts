/**
 * What every Oliver engine test shares: the fake Oliver on loopback, an engine with a stored credential that
 * signs in with a username and password, and the Oliver action node run through it.
 */
import type { IDataObject } from 'n8n-workflow';
import { OliverFake, OLIVER_SIGN_IN_PATH } from '../../fakes/oliver';
import { Engine, runNode } from '../harness';
import { serveFake } from '../serveFake';

export const fake = new OliverFake();
export let engine: Engine;
export let credentialId: string;

export const apiCalls = () =>
	fake.requests.filter((request) => request.path !== OLIVER_SIGN_IN_PATH);
export const signIns = () =>
	fake.requests.filter((request) => request.path === OLIVER_SIGN_IN_PATH);

export function credentialData(overrides: IDataObject = {}) {
	return { ...fake.credentialData(), accessToken: '', ...overrides } as Record<string, string>;
}

export function oliver(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: { onError?: 'continueErrorOutput'; continueOnFail?: boolean; typeVersion?: number } = {},
) {
	return runNode(engine, { type: 'oliver', credentialId, parameters, ...extra }, input);
}

/** In a test file: the fake listens for the whole file; each test starts with an empty Oliver, a new engine and credential. */
export function useOliver(): void {
	serveFake(fake);
	beforeEach(() => {
		fake.reset();
		engine = new Engine();
		credentialId = engine.credentials.add('oliverApi', credentialData()).id!;
	});
}
