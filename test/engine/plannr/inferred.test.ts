/**
 * The node against each answer of the fake's [inferred] options that no other engine test runs both ways:
 * what Plannr receives and what n8n outputs must not depend on which answer the real Plannr gives.
 */
import type { IDataObject } from 'n8n-workflow';
import type { PlannrFakeOptions } from '../../fakes/plannr';
import { loadOptions } from '../harness';
import {
	addTask,
	calls,
	credentialId,
	doing,
	done,
	engine,
	fake,
	james,
	ok,
	priya,
	plannr,
	queryOf,
	rl,
	spec,
	todo,
	tom,
	transfer,
	usePlannr,
	v1,
	withOptions,
} from './setup';

usePlannr();

/** The first answer of each option below is its default (the stricter one), the second the other. */
describe.each<[string, PlannrFakeOptions]>([
	[
		'per_page above 500 refused, nonsense paging refused, links without the query, unknown names refused',
		{
			perPageAboveMax: 'reject',
			invalidPaging: 'reject',
			linksKeepQuery: false,
			unknownQueryParams: 'reject',
		},
	],
	[
		'per_page clamped, nonsense paging defaulted, links with the query, unknown names ignored',
		{
			perPageAboveMax: 'clamp',
			invalidPaging: 'default',
			linksKeepQuery: true,
			unknownQueryParams: 'ignore',
		},
	],
])('[inferred] paging and query names: a Plannr with %s', (_answers, options) => {
	it('Return All with a filter, a sort and an include reads each page once, at per_page 500', async () => {
		for (let i = 0; i < 520; i++)
			addTask({ name: `Task ${String(i).padStart(3, '0')}`, priority: 'high' });
		addTask({ name: 'Low one', priority: 'low' });

		const items = await withOptions(options, () =>
			ok({
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { priority: 'high' },
				options: { sort: 'name', include: ['author'] },
			}),
		);

		expect(items.map((item) => item.name)).toEqual(
			Array.from({ length: 520 }, (_, i) => `Task ${String(i).padStart(3, '0')}`),
		);
		const sent = { 'filter[priority]': 'high', sort: 'name', include: 'author', per_page: '500' };
		expect(fake.requests.map(queryOf)).toEqual([
			{ ...sent, page: '1' },
			{ ...sent, page: '2' },
		]);
	});
});

describe.each<PlannrFakeOptions['openTasksFalse']>(['closed', 'all'])(
	'[inferred] openTasksFalse %s',
	(openTasksFalse) => {
		it('Get Many with Open Tasks Only off sends no open_tasks filter and outputs open and completed tasks', async () => {
			addTask({ name: 'Annual review' });
			addTask({ name: 'Filed', status_uuid: done.uuid });

			const items = await withOptions({ openTasksFalse }, () =>
				ok({
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
					filters: { openTasks: false },
				}),
			);

			expect(queryOf(fake.requests[0])).toEqual({ page: '1', per_page: '500' });
			expect(items.map((item) => item.name)).toEqual(['Annual review', 'Filed']);
		});
	},
);

// [inferred] no sheet line decides these filters' reach: the node sends what the user gave and outputs Plannr's choice.
describe.each<[string, PlannrFakeOptions, IDataObject, string[]]>([
	[
		'assignedFilterMatch any',
		{ assignedFilterMatch: 'any' },
		{ assignedToUuids: ['JAMES', 'PRIYA'] },
		['Review', 'Pack'],
	],
	[
		'assignedFilterMatch all',
		{ assignedFilterMatch: 'all' },
		{ assignedToUuids: ['JAMES', 'PRIYA'] },
		['Pack'],
	],
	[
		'clientFilterScope client-and-children',
		{ clientFilterScope: 'client-and-children' },
		{ clientUuid: 'TOM' },
		['Review', 'Pack'],
	],
	[
		'clientFilterScope client-only',
		{ clientFilterScope: 'client-only' },
		{ clientUuid: 'TOM' },
		['Review'],
	],
])('[inferred] %s', (_answer, options, filters, listed) => {
	it('Get Many sends the filter as given and outputs the tasks Plannr matched', async () => {
		addTask({ name: 'Review', assigned_to_uuids: [james.uuid] });
		addTask({
			name: 'Pack',
			taskable_type: 'case',
			taskable_uuid: transfer.uuid,
			assigned_to_uuids: [james.uuid, priya.uuid],
		});
		const uuids: Record<string, string> = { JAMES: james.uuid, PRIYA: priya.uuid, TOM: tom.uuid };
		const given = Object.fromEntries(
			Object.entries(filters).map(([key, value]) => [
				key,
				Array.isArray(value) ? value.map((name) => uuids[name as string]) : uuids[value as string],
			]),
		);

		const items = await withOptions(options, () =>
			ok({ resource: 'task', operation: 'getAll', returnAll: true, filters: given }),
		);

		const query = queryOf(fake.requests[0]);
		expect(query['filter[assigned_to_uuids]'] ?? query['filter[client_uuid]']).toBe(
			Object.values(given).flat().join(','),
		);
		expect(items.map((item) => item.name)).toEqual(listed);
	});
});

describe.each<[PlannrFakeOptions['nameFilterMatch'], string[]]>([
	['exact', ['Annual review']],
	['partial', ['Annual review', 'Annual review pack']],
])('[inferred] nameFilterMatch %s', (nameFilterMatch, listed) => {
	it('Get Many with Name sends it as filter[name] and outputs the tasks Plannr matched, no more', async () => {
		addTask({ name: 'Annual review' });
		addTask({ name: 'Annual review pack' });
		addTask({ name: 'ID documents' });

		const items = await withOptions({ nameFilterMatch }, () =>
			ok({
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { name: 'Annual review' },
			}),
		);

		expect(queryOf(fake.requests[0])['filter[name]']).toBe('Annual review');
		expect(items.map((item) => item.name)).toEqual(listed);
	});
});

describe.each<
	[PlannrFakeOptions['relationsWithoutInclude'], PlannrFakeOptions['customFieldsShown']]
>([
	['always', 'set'],
	['only-when-included', 'all'],
])(
	'[inferred] a task answering its relations %s and the custom fields %s',
	(relationsWithoutInclude, customFieldsShown) => {
		it('Update of the name alone sends back the custom fields set, no empty one, and keeps them', async () => {
			const task = addTask({
				name: 'Send pack',
				custom_fields: { compliance_check: 'Pending' },
				assigned_to_uuids: [james.uuid],
			});

			await withOptions({ relationsWithoutInclude, customFieldsShown }, () =>
				ok({
					resource: 'task',
					operation: 'update',
					taskUuid: rl(task.uuid),
					updateFields: { name: 'Send valuation pack' },
				}),
			);

			const put = fake.requests.find((request) => request.method === 'PUT')!;
			expect(put.body).toMatchObject({
				name: 'Send valuation pack',
				assigned_to_uuids: [james.uuid],
			});
			expect((put.body as IDataObject).custom_fields).toEqual({ compliance_check: 'Pending' });
			expect(fake.tasks.get(task.uuid)!.custom_fields).toEqual({ compliance_check: 'Pending' });
		});
	},
);

describe.each<PlannrFakeOptions['dueAtFormat']>(['strict', 'lenient'])(
	'[inferred] dueAtFormat %s',
	(dueAtFormat) => {
		it('Create with a due date sends yyyy-MM-dd HH:mm:ss, which Plannr takes', async () => {
			const [created] = await withOptions({ dueAtFormat }, () =>
				ok({
					resource: 'task',
					operation: 'create',
					name: 'Annual review',
					taskableType: 'client',
					taskableUuid: tom.uuid,
					taskStatusUuid: todo.uuid,
					additionalFields: { dueAt: '2026-03-10T14:00:00' },
				}),
			);

			expect((fake.requests[0].body as IDataObject).due_at).toBe('2026-03-10 14:00:00');
			expect(created.due_at).toBe('2026-03-10 14:00:00');
		});
	},
);

describe.each<PlannrFakeOptions['acceptPatchForUpdate']>([false, true])(
	'[inferred] acceptPatchForUpdate %s',
	(acceptPatchForUpdate) => {
		it('Update and Task Status: Update send PUT, the documented method', async () => {
			const task = addTask({ name: 'Send pack' });

			await withOptions({ acceptPatchForUpdate }, async () => {
				await ok({
					resource: 'task',
					operation: 'update',
					taskUuid: rl(task.uuid),
					updateFields: { priority: 'low' },
				});
				await ok({
					resource: 'taskStatus',
					operation: 'update',
					statusUuid: rl(doing.uuid),
					updateFields: { name: 'Under way' },
				});
			});

			expect(calls().filter((call) => !call.startsWith('GET'))).toEqual([
				`PUT ${v1(`/task/${task.uuid}`)}`,
				`PUT ${v1(`/task-status/${doing.uuid}`)}`,
			]);
			expect(fake.tasks.get(task.uuid)!.priority).toBe('low');
			expect(fake.statuses.get(doing.uuid)!.name).toBe('Under way');
		});
	},
);

describe.each<[PlannrFakeOptions['accountHeaderFailureStatus'], string]>([
	[403, 'Plannr: This action is unauthorized.'],
	[401, 'Plannr: Unauthenticated.'],
])('[inferred] accountHeaderFailureStatus %s', (accountHeaderFailureStatus, shown) => {
	it('an account that is not the user’s fails with Plannr’s status and words', async () => {
		engine.credentials.update(credentialId, { ...fake.credentialData(), accountUuid: tom.uuid });

		const { error } = await withOptions({ accountHeaderFailureStatus }, () =>
			plannr({ resource: 'taskStatus', operation: 'getAll' }),
		);

		expect([error?.httpCode, error?.message]).toEqual([String(accountHeaderFailureStatus), shown]);
	});
});

describe.each<PlannrFakeOptions['requireAcceptJson']>([true, false])(
	'[inferred] requireAcceptJson %s',
	(requireAcceptJson) => {
		it('a wrong token is Plannr’s JSON 401, never a redirect: the node asks for JSON', async () => {
			engine.credentials.update(credentialId, {
				...fake.credentialData(),
				accessToken: 'PAT-Revoked-4242',
			});

			const { error } = await withOptions({ requireAcceptJson }, () =>
				plannr({ resource: 'taskStatus', operation: 'getAll' }),
			);

			expect([error?.httpCode, error?.message]).toEqual(['401', 'Plannr: Unauthenticated.']);
		});
	},
);

describe.each<PlannrFakeOptions['uncompleteToCompletedStatus']>(['reject', 'allow'])(
	'[inferred] uncompleteToCompletedStatus %s',
	(uncompleteToCompletedStatus) => {
		it('Reopen’s status list offers no completed-type status; Reopen to its first one reopens the task', async () => {
			const task = addTask({ name: 'Send pack', status_uuid: done.uuid });

			const [reopened] = await withOptions({ uncompleteToCompletedStatus }, async () => {
				const offered = await loadOptions(engine, spec({}), 'getOpenStatuses');
				expect(offered.map((option) => option.name)).toEqual(['To do', 'In progress']);
				return await ok({
					resource: 'task',
					operation: 'reopen',
					taskUuid: rl(task.uuid),
					reopenStatusUuid: offered[0].value,
				});
			});

			expect(reopened).toMatchObject({ uuid: task.uuid, status: { uuid: todo.uuid } });
			expect(fake.tasks.get(task.uuid)!.completed_at).toBeNull();
		});
	},
);

// [inferred] validationMessages (no sheet line decides Plannr's wording): the fake's words are read at its start,
// so the test swaps them on the running fake and puts them back.
describe.each<[string, Partial<PlannrFakeOptions['validationMessages']>, string]>([
	[
		'Laravel’s words (default)',
		{},
		'The selected task status uuid is a completed status: a task is uncompleted to an open status.',
	],
	['other words', { not_completed_status: 'Pick an open status.' }, 'Pick an open status.'],
])('[inferred] validationMessages: %s', (_words, validationMessages, shown) => {
	it('a 422 on Reopen to a completed-type status shows the field and Plannr’s own words', async () => {
		const task = addTask({ name: 'Send pack', status_uuid: done.uuid });
		const saved = { ...fake.messages };
		Object.assign(fake.messages, validationMessages);
		try {
			const { error } = await plannr({
				resource: 'task',
				operation: 'reopen',
				taskUuid: rl(task.uuid),
				reopenStatusUuid: done.uuid,
			});
			expect([error?.httpCode, error?.message]).toEqual([
				'422',
				`Plannr: task_status_uuid: ${shown}`,
			]);
		} finally {
			Object.assign(fake.messages, saved);
		}
	});
});
