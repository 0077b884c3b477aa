/** The small practice the sandbox behind `npm start` is seeded with. */
import type { OliverStore } from './store';

/** A small practice for the sandbox behind `npm start`. */
export function fillSandbox(fake: OliverStore): void {
	const dana = fake.addClient({
		name: 'Dana Smith',
		email: 'dana.smith@example.com',
		phone: '555-0101',
		remote_id: 'PIMS-1001',
	});
	const lee = fake.addClient({
		name: 'Lee Wong',
		email: 'lee.wong@example.com',
		phone: '555-0102',
		remote_id: 'PIMS-1002',
	});
	const sam = fake.addClient({
		name: 'Sam Rivera',
		email: 'sam.rivera@example.com',
		phone: '555-0103',
		remote_id: 'PIMS-1003',
	});
	const rex = fake.addPatient({
		name: 'Rex',
		client_id: dana.id,
		species: 'Dog',
		breed: 'Labrador',
	});
	fake.addPatient({ name: 'Mittens', client_id: dana.id, species: 'Cat', breed: 'Tabby' });
	const kiwi = fake.addPatient({
		name: 'Kiwi',
		client_id: lee.id,
		species: 'Bird',
		breed: 'Cockatiel',
	});
	const bruno = fake.addPatient({
		name: 'Bruno',
		client_id: sam.id,
		species: 'Dog',
		breed: 'Boxer',
	});
	fake.addTask({ title: 'Call owner with lab results', client_id: dana.id, patient_id: rex.id });
	fake.addTask({
		title: 'Refill carprofen 75mg',
		task_type: 'rx_refill',
		client_id: dana.id,
		patient_id: rex.id,
		override_completion_action_text: 'Approve refill',
	});
	fake.addTask({
		title: 'Send vaccine reminder',
		client_id: lee.id,
		patient_id: kiwi.id,
		status: 'completed',
	});
	fake.addTask({
		title: 'Order boxer-size cone',
		client_id: sam.id,
		patient_id: bruno.id,
		reference_time_at: fake.now(),
	});
	fake.addTask({ title: 'Duplicate intake form', status: 'canceled' });
	fake.addTask({
		title: 'Restock heartworm tests',
		description: 'Two boxes',
		cancellation_allowed: false,
	});
}
