/** The fake Plannr: webhook subscriptions (subscriptions.ts). */
import { api, call, fake, setNow, T0, useFake, withFake } from './testing';

useFake();

describe('webhook subscriptions', () => {
	const hooks = '/api/v2/webhook-subscriptions';

	it('POST creates (201) {uuid, url, events, signing_secret}; bad input is a 422', async () => {
		const answer = await api('POST', hooks, {
			body: { url: 'https://example.com/hook', events: ['task.created', 'task.completed'] },
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toEqual({
			uuid: expect.any(String),
			url: 'https://example.com/hook',
			events: ['task.created', 'task.completed'],
			signing_secret: expect.stringMatching(/^[A-Za-z0-9]{60}$/),
			created_at: '2026-03-01T12:00:00+00:00',
			updated_at: '2026-03-01T12:00:00+00:00',
			last_outgoing_webhook_call_at: null,
		});
		const errors = async (body: unknown) => (await api('POST', hooks, { body })).body.errors;
		expect(await errors({})).toEqual({ url: [expect.any(String)], events: [expect.any(String)] });
		expect(await errors({ url: 'not a url', events: ['task.created'] })).toEqual({
			url: ['The url field must be a valid URL.'],
		});
		expect(await errors({ url: 'https://x.test', events: ['task.exploded'] })).toEqual({
			'events.0': ['The selected events.0 is invalid.'],
		});
		expect(await errors({ url: 'https://x.test', events: [] })).toEqual({
			events: [expect.any(String)],
		});
		expect(fake.subscriptions.size).toBe(1);
	});

	it('GET lists (filter[uuid], filter[url], newest first) and GET/PUT/DELETE one; deleted is 404', async () => {
		const a = (
			await api('POST', hooks, { body: { url: 'https://a.test/hook', events: ['task.created'] } })
		).body;
		setNow(T0 + 1000);
		const b = (
			await api('POST', hooks, { body: { url: 'https://b.test/hook', events: ['task.updated'] } })
		).body;
		const list = async (query: Record<string, string> = {}) =>
			(await api('GET', hooks, { query })).body.data.map((s: { uuid: string }) => s.uuid);
		expect(await list()).toEqual([b.uuid, a.uuid]);
		expect(await list({ sort: 'created_at' })).toEqual([a.uuid, b.uuid]);
		expect(await list({ 'filter[url]': 'https://a.test/hook' })).toEqual([a.uuid]);
		expect(await list({ 'filter[uuid]': `${a.uuid},${b.uuid}` })).toHaveLength(2);
		expect((await api('GET', `${hooks}/${a.uuid}`)).body).toEqual(a);

		setNow(T0 + 2000);
		const updated = await api('PUT', `${hooks}/${a.uuid}`, {
			body: { events: ['task.created', 'task.deleted'] },
		});
		expect(updated.status).toBe(200);
		expect(updated.body).toEqual({
			...a,
			events: ['task.created', 'task.deleted'],
			updated_at: '2026-03-01T12:00:02+00:00',
		});
		// putapiv2webhooksubscriptionsuuid: events is required and the only field; [inferred] subscriptionPutUrl 'reject' (default): a url is a 422.
		const withUrl = await api('PUT', `${hooks}/${a.uuid}`, {
			body: { url: 'https://c.test/hook', events: ['task.created'] },
		});
		expect([withUrl.status, withUrl.body.errors]).toEqual([
			422,
			{ url: ['The url field is prohibited.'] },
		]);
		const noEvents = await api('PUT', `${hooks}/${a.uuid}`, { body: {} });
		expect([noEvents.status, noEvents.body.errors]).toEqual([
			422,
			{ events: ['The events field is required.'] },
		]);
		expect(fake.subscriptions.get(a.uuid)).toMatchObject({
			url: 'https://a.test/hook',
			events: ['task.created', 'task.deleted'],
		});

		const deleted = await api('DELETE', `${hooks}/${a.uuid}`);
		expect([deleted.status, deleted.body]).toEqual([204, undefined]);
		expect(
			(await api('PUT', `${hooks}/${a.uuid}`, { body: { url: 'https://c.test' } })).status,
		).toBe(404);
		expect((await api('DELETE', `${hooks}/${a.uuid}`)).status).toBe(404);
		expect(await list()).toEqual([b.uuid]);
		expect((await api('GET', hooks, { token: null })).status).toBe(401);
	});

	it('the list call can be switched off: then GET answers as a method the route lacks', async () => {
		await withFake({ webhookListRoute: false, webhookDeleteStatus: 200 }, async (other) => {
			const answer = await call(other, 'GET', hooks);
			expect([answer.status, answer.body.message]).toEqual([
				405,
				expect.stringContaining('Supported methods: POST'),
			]);
			const created = (
				await call(other, 'POST', hooks, {
					body: { url: 'https://a.test', events: ['task.created'] },
				})
			).body;
			expect((await call(other, 'DELETE', `${hooks}/${created.uuid}`)).status).toBe(200);
		});
		await withFake({ webhookListRoute: false, unknownMethodStatus: 404 }, async (other) => {
			expect((await call(other, 'GET', hooks)).status).toBe(404);
		});
	});

	it('[inferred] subscriptionPutUrl ignore: a url sent with PUT is dropped, never applied; events still change', async () => {
		await withFake({ subscriptionPutUrl: 'ignore' }, async (other) => {
			const created = (
				await call(other, 'POST', hooks, {
					body: { url: 'https://a.test/hook', events: ['task.created'] },
				})
			).body;
			const answer = await call(other, 'PUT', `${hooks}/${created.uuid}`, {
				body: { url: 'https://c.test/hook', events: ['task.updated'] },
			});
			expect([answer.status, answer.body.url, answer.body.events]).toEqual([
				200,
				'https://a.test/hook',
				['task.updated'],
			]);
		});
	});
});
