/** The wealth-management firm the sandbox behind `npm start` is seeded with: dates follow the clock. */
import type { PlannrStore } from './store';

/** A small financial-adviser firm for the sandbox behind `npm start`: dates are relative to the clock. */
export function fillSandbox(fake: PlannrStore): void {
	const sarah = fake.accounts.get(fake.options.accountUuid)!;
	const james = fake.addEmployee(
		{
			first_name: 'James',
			last_name: 'Carter',
			email: 'james.carter@example.com',
			role: 'member',
		},
		{ token: 'plannr-james-token' },
	).account;
	const priya = fake.addEmployee({
		first_name: 'Priya',
		last_name: 'Shah',
		email: 'priya.shah@example.com',
		role: 'admin',
	}).account;

	const todo = fake.addStatus({ name: 'To do', colour: '#9CA3AF', is_not_started: true });
	const doing = fake.addStatus({ name: 'In progress', colour: '#398898' });
	const waiting = fake.addStatus({ name: 'Waiting on client', colour: '#F59E0B' });
	const done = fake.addStatus({ name: 'Completed', colour: '#10B981', is_type_completed: true });
	fake.addStatus({ name: 'Archived', colour: '#6B7280', is_archived: true });

	const advisers = fake.addGroup('Advisers');
	const paraplanning = fake.addGroup('Paraplanning');
	fake.addCustomField({
		name: 'Compliance check',
		reference: 'compliance_check',
		type: 'select',
		selection_options: ['Pending', 'Passed', 'Failed'],
	});
	fake.addCustomField({
		name: 'Provider reference',
		reference: 'provider_reference',
		help_text: 'The reference the provider uses.',
	});

	const tom = fake.addClient({
		first_name: 'Tom',
		last_name: 'Hughes',
		email: 'tom.hughes@example.com',
	});
	const emma = fake.addClient({
		first_name: 'Emma',
		last_name: 'Clarke',
		email: 'emma.clarke@example.com',
	});
	const raj = fake.addClient({
		first_name: 'Raj',
		last_name: 'Patel',
		email: 'raj.patel@example.com',
	});
	const transfer = fake.addCase({
		name: 'Pension transfer review',
		client_uuid: tom.uuid,
		value: { amount: '25000000', currency: 'GBP', formatted: '£250,000.00' },
	});
	const pension = fake.addPlan({
		name: 'Aviva Personal Pension',
		client_uuid: emma.uuid,
	});
	fake.addPlan({
		name: 'Vanguard Stocks & Shares ISA',
		client_uuid: raj.uuid,
	});

	const at = (days: number, hours = 0) => fake.localTime({ days, hours });
	const review = fake.addTask({
		name: 'Annual review meeting',
		description: 'Book the annual review and send the pre-meeting pack.',
		priority: 'high',
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: tom.uuid,
		assigned_to_uuids: [james.uuid],
		group_uuids: [advisers.uuid],
		due_at: at(7),
	});
	fake.addTask({
		name: 'Prepare suitability report',
		priority: 'highest',
		status_uuid: doing.uuid,
		taskable_type: 'case',
		taskable_uuid: transfer.uuid,
		assigned_to_uuids: [priya.uuid],
		group_uuids: [paraplanning.uuid],
		custom_fields: { compliance_check: 'Pending' },
		due_at: at(3),
	});
	fake.addTask({
		name: 'Send review pack',
		priority: 'medium',
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: tom.uuid,
		parent_task_uuid: review.uuid,
		assigned_to_uuids: [sarah.uuid],
		due_at: at(5),
	});
	fake.addTask({
		name: 'Request pension valuation',
		priority: 'medium',
		status_uuid: waiting.uuid,
		taskable_type: 'plan',
		taskable_uuid: pension.uuid,
		assigned_to_uuids: [james.uuid, priya.uuid],
		custom_fields: { provider_reference: 'AV-118204' },
		due_at: at(-2),
	});
	fake.addTask({
		name: 'Update ID documents',
		priority: 'low',
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: raj.uuid,
	});
	fake.addTask({
		name: 'File signed letter of authority',
		priority: 'medium',
		status_uuid: done.uuid,
		taskable_type: 'client',
		taskable_uuid: emma.uuid,
		assigned_to_uuids: [sarah.uuid],
		due_at: at(-5),
		completed_at: at(-4),
		completed_by_uuid: sarah.uuid,
	});
}
