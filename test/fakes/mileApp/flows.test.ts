/** The fake MileApp: flows (flows.ts). */
import { api, call, fake, HOUR, iso, jakarta, T0, useFake, visit, withFake } from './testing';

useFake();

describe('flows and hubs', () => {
	it('GET /flows pages the flows under `flows`, each with its pages and components', async () => {
		const answer = await api('GET', '/flows', { query: { limit: 1 } });
		expect(answer.status).toBe(200);
		expect(answer.body.flows).toMatchObject({
			current_page: 1,
			last_page: 2,
			total: 2,
			per_page: 1,
		});
		const [flow] = answer.body.flows.data;
		expect(flow).toEqual({
			_id: visit._id,
			name: 'Visit',
			pages: [
				{
					id: 'page0',
					enabled: true,
					components: [
						{
							component: 'input',
							id: 'field1',
							title: 'field1',
							inputType: 'string',
							default: null,
							routeAs: null,
							showAs: null,
							isRequired: true,
						},
						{
							component: 'input',
							id: 'field2',
							title: 'field2',
							inputType: 'string',
							default: null,
							routeAs: null,
							showAs: null,
							isRequired: true,
						},
						{
							component: 'input',
							id: 'field3',
							title: 'field3',
							inputType: 'location',
							default: null,
							routeAs: null,
							showAs: null,
							isRequired: false,
						},
					],
				},
				{ id: 'page1', components: [] },
			],
			organizationId: fake.options.organizationId,
			version: 1,
			updatedTime: '2026-03-01T12:00:00.000000Z',
			createdTime: '2026-03-01T12:00:00.000000Z',
		});
		const second = (await api('GET', '/flows', { query: { limit: 1, page: 2 } })).body.flows
			.data[0];
		expect(second.pages[0].components[2]).toEqual({
			component: 'select',
			id: 'priority',
			title: 'priority',
			options: ['Low', 'Normal', 'Urgent'],
			default: null,
			isRequired: false,
		});
	});

	it('GET /flow/{flowName}/task answers the flow’s fields and a bodyRequest that creates a task as is', async () => {
		const answer = await api('GET', `/flow/${encodeURIComponent('Delivery')}/task`);
		expect(answer.status).toBe(200);
		expect(answer.body.data.flowName).toBe('Delivery');
		// As openapi's example: every field has `format`, a select field's choices are in it (see flowFieldChoices).
		expect(answer.body.data.flowFields).toEqual([
			{
				field: 'invoice',
				type: 'string',
				required: true,
				description: 'invoice',
				example: 'text',
				format: null,
			},
			{
				field: 'packageCount',
				type: 'number',
				required: true,
				description: 'packageCount',
				example: 1,
				format: null,
			},
			{
				field: 'priority',
				type: 'string',
				required: false,
				description: 'priority',
				example: 'Low',
				format: ['Low', 'Normal', 'Urgent'],
			},
			{
				field: 'dueDate',
				type: 'date',
				required: false,
				description: 'dueDate',
				example: '2022-11-02',
				format: null,
			},
			{
				field: 'pickupAt',
				type: 'datetime',
				required: false,
				description: 'pickupAt',
				example: '2022-11-02T07:28:23+00:00',
				format: null,
			},
		]);
		const { bodyRequest } = answer.body.data;
		expect(bodyRequest).toMatchObject({
			flow: 'Delivery',
			hubId: jakarta._id,
			invoice: 'text',
			startTime: iso(T0),
			endTime: iso(T0 + 8 * HOUR),
		});
		expect((await api('POST', '/task', { body: bodyRequest })).status).toBe(201);

		fake.addFlow({ name: 'House Inspection', fields: [{ field: 'assetTag', required: true }] });
		expect(
			(await api('GET', `/flow/${encodeURIComponent('House Inspection')}/task`)).body.data
				.flowFields,
		).toHaveLength(1);
		const missing = await api('GET', '/flow/Nope/task');
		expect([missing.status, missing.body]).toEqual([
			404,
			{ status: false, message: 'Data not found' },
		]);
	});

	it.each([
		['format', { type: 'string', format: ['Low', 'Normal'] }],
		['options', { type: 'select', options: ['Low', 'Normal'] }],
	] as const)(
		'[inferred] flowFieldChoices %s: GET /flow/{flowName}/task lists a select field as %j',
		async (flowFieldChoices, shape) => {
			await withFake({ flowFieldChoices }, async (other) => {
				other.addFlow({
					name: 'Visit',
					fields: [{ field: 'priority', type: 'select', options: ['Low', 'Normal'] }],
				});
				const answer = await call(other, 'GET', '/flow/Visit/task');
				expect(answer.body.data.flowFields).toEqual([
					{ field: 'priority', required: false, description: 'priority', example: 'Low', ...shape },
				]);
			});
		},
	);
});
