/** The fake Humanity: the envelope, response codes, forced codes and the throttle (envelope.ts, gates.ts). */
import { HUMANITY_API_PREFIX, RESPONSE_CODES, type HumanityLocation } from '.';
import {
	api,
	barista,
	call,
	expectCode,
	fake,
	kiosk,
	kioskCrew,
	kitchen,
	lee,
	main,
	maria,
	ok,
	openRegister,
	passwordGrant,
	sam,
	setNow,
	shift,
	T0,
	token,
	useFake,
	withFake,
} from './testing';

useFake();

describe('envelope', () => {
	it('success is {status: 1, data, metadata: [], token, error: null}; the token is echoed unless envelopeToken is null', async () => {
		const answer = await api('GET', '/positions');
		expect(answer.body).toEqual({
			status: 1,
			data: [
				{
					id: barista.id,
					name: 'Barista',
					color: expect.any(String),
					location: { id: main.id, name: 'Main Street' },
				},
				{
					id: kitchen.id,
					name: 'Kitchen',
					color: expect.any(String),
					location: { id: main.id, name: 'Main Street' },
				},
				{
					id: kioskCrew.id,
					name: 'Kiosk Crew',
					color: expect.any(String),
					location: { id: kiosk.id, name: 'Station Kiosk' },
				},
			],
			metadata: [],
			token,
			error: null,
		});
		expect(ok(await api('GET', '/locations')).map((l: HumanityLocation) => l.name)).toEqual([
			'Main Street',
			'Station Kiosk',
		]);
		const employees = ok(await api('GET', '/employees'));
		expect(employees.map((e: { id: number }) => e.id)).toEqual([
			fake.primaryUser.id,
			sam.id,
			lee.id,
			maria.id,
		]);
		expect(JSON.stringify(employees)).not.toContain('password');
		expect(ok(await api('GET', `/employees/${sam.id}`))).toMatchObject({
			id: sam.id,
			firstname: 'Sam',
			positions: [{ id: barista.id, name: 'Barista' }],
		});
		expectCode(await api('GET', '/employees/999'), 15);
		await withFake({ envelopeToken: 'null' }, async (other, otherToken) => {
			expect((await call(other, 'GET', '/me', { token: otherToken })).body.token).toBeNull();
		});
	});

	it('errors carry the code and the v1 message under HTTP 200; errorHttpStatus by-code maps them; errorBody reshapes them', async () => {
		const answer = await api('GET', '/shifts/abc');
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			status: 9,
			data: null,
			metadata: [],
			token,
			error: `${RESPONSE_CODES[9]}: id must be a whole number`,
		});
		await withFake({ errorHttpStatus: 'by-code' }, async (other, otherToken) => {
			expectCode(await call(other, 'GET', '/me', { token: null }), 3, undefined, 401);
			expectCode(
				await call(other, 'GET', '/shifts/999', { token: otherToken }),
				15,
				undefined,
				404,
			);
			expectCode(
				await call(other, 'PUT', '/shifts/999/tasks', { token: otherToken, body: { tasks: [] } }),
				13,
				undefined,
				400,
			);
			other.throttleNext();
			expectCode(await call(other, 'GET', '/me', { token: otherToken }), 91, undefined, 429);
		});
		await withFake(
			{ errorBody: (code, message) => ({ status: code, error: { code, message } }) },
			async (other) => {
				const reshaped = await call(other, 'GET', '/me', { token: null });
				expect(reshaped.body).toEqual({
					status: 3,
					error: { code: 3, message: expect.stringContaining('Invalid token key') },
				});
			},
		);
	});

	it('an unknown path is code 5, a known path with another method code 4 (before the token is checked)', async () => {
		expectCode(await api('GET', '/nothing', { token: null }), 5);
		expectCode(await api('DELETE', `/shifts/${shift.id}/tasks`, { token: null }), 4);
		expectCode(await api('PUT', `/master-tasks/${openRegister.id}`, { body: { name: 'x' } }), 4);
	});

	it('code 91: throttleNext(n) answers it for the next n matching calls, whatever the token; every attempt is recorded; answerCodeNext(99)', async () => {
		fake.throttleNext(2);
		expectCode(await api('GET', '/me'), 91);
		expectCode(await api('GET', '/me', { token: null }), 91);
		ok(await api('GET', '/me'));
		expect(fake.requests.filter((r) => r.path === `${HUMANITY_API_PREFIX}/me`)).toHaveLength(3);

		fake.throttleNext(1, { method: 'PUT', path: `${HUMANITY_API_PREFIX}/shifts/:shiftId/tasks` });
		ok(await api('GET', `/shifts/${shift.id}/tasks`));
		expectCode(await api('PUT', `/shifts/${shift.id}/tasks`, { body: { tasks: [] } }), 91);
		// The throttled PUT changed nothing; the token endpoint is never throttled.
		fake.throttleNext(5);
		expect((await passwordGrant(fake)).status).toBe(200);
		fake.clearForcedCodes();
		ok(await api('GET', '/me'));

		fake.answerCodeNext(99, 1, { path: /\/shifts/, detail: 'maintenance' });
		ok(await api('GET', '/me'));
		expectCode(await api('GET', '/shifts'), 99, /maintenance/);
	});

	it('code 91 at a configured rate: a fixed window on the fake clock; refused calls do not count; the window resets', async () => {
		await withFake({ throttle: { limit: 3, windowMs: 1000 } }, async (other, otherToken) => {
			const me = () => call(other, 'GET', '/me', { token: otherToken });
			for (let i = 0; i < 3; i++) ok(await me());
			expectCode(await me(), 91);
			setNow(T0 + 999);
			expectCode(await me(), 91);
			setNow(T0 + 1000);
			for (let i = 0; i < 3; i++) ok(await me());
			expectCode(await me(), 91);
			other.resetThrottle();
			ok(await me());
		});
	});
});
