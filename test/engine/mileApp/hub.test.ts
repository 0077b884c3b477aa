/**
 * Hubs: Get Many.
 */
import { apiCalls, mileApp, useMileApp } from './setup';

useMileApp();

describe('flow and hub', () => {
	it('Hub Get Many searches by name or address', async () => {
		const { items } = await mileApp({
			resource: 'hub',
			operation: 'getAll',
			returnAll: true,
			search: 'asia afrika',
		});
		expect(items.map((item) => item.json.name)).toEqual(['Bandung']);
		expect(apiCalls()[0].query).toMatchObject({ q: 'asia afrika' });
	});
});
