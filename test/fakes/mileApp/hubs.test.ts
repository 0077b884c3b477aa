/** The fake MileApp: hubs (hubs.ts). */
import { api, bandung, call, jakarta, useFake, withFake } from './testing';

useFake();

describe('flows and hubs', () => {
	it('GET /hubs answers {status, data: [{_id, name, address, lat, lng}]} with page, limit, name and q (names only)', async () => {
		const answer = await api('GET', '/hubs');
		expect(answer.body).toEqual({
			status: true,
			data: [
				{
					_id: jakarta._id,
					name: 'Jakarta',
					address: 'Gambir, Jakarta Pusat',
					lat: -6.205154152722965,
					lng: 106.84667067970608,
				},
				{
					_id: bandung._id,
					name: 'Bandung',
					address: 'Jl. Braga, Bandung',
					lat: -6.9216,
					lng: 107.6071,
				},
			],
		});
		const names = async (query: Record<string, string | number>) =>
			(await api('GET', '/hubs', { query })).body.data.map((hub: { name: string }) => hub.name);
		expect(await names({ name: 'jak' })).toEqual(['Jakarta']);
		expect(await names({ q: 'band' })).toEqual(['Bandung']);
		// Documented: q matches the name only, never the address ('Jl. Braga' is Bandung's).
		expect(await names({ q: 'braga' })).toEqual([]);
		expect(await names({ limit: 1, page: 2 })).toEqual(['Bandung']);
		expect(await names({ limit: 1, page: 3 })).toEqual([]);
		await withFake({ hubNameMatch: 'exact' }, async (other) => {
			other.addHub({ name: 'Jakarta' });
			expect((await call(other, 'GET', '/hubs', { query: { name: 'jak' } })).body.data).toEqual([]);
			expect(
				(await call(other, 'GET', '/hubs', { query: { name: 'jakarta' } })).body.data,
			).toHaveLength(1);
		});
	});

	it.each([
		[20, 20],
		[5, 5],
	])(
		'[inferred] hubsDefaultLimit %i: GET /hubs without limit answers the first %i of 25 hubs',
		async (hubsDefaultLimit, answered) => {
			await withFake({ hubsDefaultLimit }, async (other) => {
				for (let n = 1; n <= 25; n++) other.addHub({ name: `Hub ${n}` });
				const answer = await call(other, 'GET', '/hubs');
				expect(answer.body.data.map((hub: { name: string }) => hub.name)).toEqual(
					Array.from({ length: answered }, (_, i) => `Hub ${i + 1}`),
				);
			});
		},
	);
});
