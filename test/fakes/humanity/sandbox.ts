/**
 * Ready-made states: the morning bar tests use, the coffee company behind `npm start`, and a vet pharmacy.
 */
import { DateTime } from 'luxon';
import type { HumanityStore } from './store';
import { type MorningBar, UTC_FORMAT } from './types';

/**
 * The tests' small world: a café's Barista position with four master tasks, and Sam on the "Morning bar"
 * shift of 23 November 2026, which holds three tasks: "Open the register" (regular, "Count the float."),
 * "Clean the espresso machine" (time-boxed 13:00–13:30 UTC) and "Restock pastries" (regular, "Before lunch.").
 * The fourth master task, "Fridge temperature log", is on no shift.
 */
export function makeMorningBar(fake: HumanityStore): MorningBar {
	const location = fake.addLocation({ name: 'Main Street Café' });
	const position = fake.addPosition({ name: 'Barista', locationId: location.id });
	const sam = fake.addEmployee({
		firstname: 'Sam',
		lastname: 'Okafor',
		positionIds: [position.id],
	});
	const shift = fake.addShift({
		start: '2026-11-23 07:00',
		end: '2026-11-23 15:00',
		positionId: position.id,
		employeeIds: [sam.id],
		title: 'Morning bar',
	});
	const masters = [
		'Open the register',
		'Clean the espresso machine',
		'Restock pastries',
		'Fridge temperature log',
	].map((name) => fake.addMasterTask({ name, positionIds: [position.id] }));
	const tasks = [
		fake.addShiftTask({
			shiftId: shift.id,
			taskId: masters[0].id,
			name: 'Open the register',
			description: 'Count the float.',
		}),
		fake.addShiftTask({
			shiftId: shift.id,
			taskId: masters[1].id,
			name: 'Clean the espresso machine',
			type: 2,
			options: { startTime: '2026-11-23T13:00:00+00:00', dueTime: '2026-11-23T13:30:00+00:00' },
		}),
		fake.addShiftTask({
			shiftId: shift.id,
			taskId: masters[2].id,
			name: 'Restock pastries',
			description: 'Before lunch.',
		}),
	];
	return { location, position, sam, shift, masters, tasks };
}

/**
 * A small café group for the sandbox behind `npm start`: two locations, three positions, five employees,
 * three shifts a day from three days ago to three days ahead, master tasks, regular and time-boxed shift
 * tasks, and the past shifts' employee tasks done; then a vet clinic's pharmacy.
 */
export function fillSandbox(fake: HumanityStore): void {
	const dana = fake.primaryUser;
	const main = fake.addLocation({
		name: 'Main Street Café',
		address: '12 Main Street, Springfield',
	});
	const kiosk = fake.addLocation({
		name: 'Station Kiosk',
		address: 'Central Station, Platform 1',
	});
	const barista = fake.addPosition({ name: 'Barista', locationId: main.id, color: '#8D6E63' });
	const kitchen = fake.addPosition({ name: 'Kitchen', locationId: main.id, color: '#EF6C00' });
	const kioskCrew = fake.addPosition({
		name: 'Kiosk Crew',
		locationId: kiosk.id,
		color: '#00897B',
	});
	dana.positionIds = [barista.id, kitchen.id, kioskCrew.id];
	const sam = fake.addEmployee({
		firstname: 'Sam',
		lastname: 'Okafor',
		positionIds: [barista.id],
		password: 'sam-password',
	});
	const lee = fake.addEmployee({
		firstname: 'Lee',
		lastname: 'Nguyen',
		positionIds: [barista.id, kioskCrew.id],
		password: 'lee-password',
	});
	const maria = fake.addEmployee({
		firstname: 'Maria',
		lastname: 'Rossi',
		positionIds: [kitchen.id],
		password: 'maria-password',
	});
	fake.addEmployee({
		firstname: 'Tom',
		lastname: 'Becker',
		role: 'supervisor',
		positionIds: [kioskCrew.id],
		password: 'tom-password',
	});

	const open = fake.addMasterTask({
		name: 'Open the register',
		description: 'Count the float and log it.',
		positionIds: [barista.id, kioskCrew.id],
		favorite: true,
	});
	const clean = fake.addMasterTask({
		name: 'Clean the espresso machine',
		description: 'Backflush and wipe the steam wands.',
		positionIds: [barista.id],
	});
	const fridge = fake.addMasterTask({
		name: 'Fridge temperature log',
		description: 'Record every fridge temperature.',
		positionIds: [kitchen.id],
		color: '#1565C0',
	});
	const pastries = fake.addMasterTask({
		name: 'Restock pastries',
		positionIds: [barista.id, kioskCrew.id],
	});
	const cashUp = fake.addMasterTask({
		name: 'Cash-up and close',
		description: 'Count the till and lock the safe.',
		positionIds: [barista.id, kioskCrew.id],
	});
	fake.addMasterTask({ name: 'Deep clean the grill', positionIds: [kitchen.id] });
	const old = fake.addMasterTask({ name: 'Old menu board swap', positionIds: [barista.id] });
	old.deletedAt = fake.utcNow();
	old.deletedBy = dana.id;

	const today = fake.zoned().startOf('day');
	for (let offset = -3; offset <= 3; offset++) {
		const day = today.plus({ days: offset }).toFormat('yyyy-MM-dd');
		const morning = fake.addShift({
			start: `${day} 07:00`,
			end: `${day} 15:00`,
			positionId: barista.id,
			employeeIds: [sam.id, lee.id],
			title: 'Morning bar',
		});
		const kitchenShift = fake.addShift({
			start: `${day} 06:00`,
			end: `${day} 14:00`,
			positionId: kitchen.id,
			employeeIds: [maria.id],
			title: 'Kitchen prep',
		});
		fake.addShift({
			start: `${day} 14:00`,
			end: `${day} 22:00`,
			positionId: kioskCrew.id,
			employeeIds: offset === 2 ? [] : [lee.id],
			title: 'Kiosk late',
		});
		const at = (time: string) => fake.utc(`${day} ${time}`);
		const tasks = [
			fake.addShiftTask({
				shiftId: morning.id,
				taskId: open.id,
				name: open.name,
				type: 2,
				options: { startTime: at('07:00'), dueTime: at('07:15') },
			}),
			fake.addShiftTask({
				shiftId: morning.id,
				taskId: clean.id,
				name: clean.name,
				description: clean.description,
			}),
			fake.addShiftTask({
				shiftId: morning.id,
				taskId: pastries.id,
				name: 'Restock pastries before lunch',
				type: 2,
				options: { startTime: at('11:00'), dueTime: at('11:30') },
			}),
			fake.addShiftTask({
				shiftId: kitchenShift.id,
				taskId: fridge.id,
				name: fridge.name,
				type: 2,
				options: { startTime: at('06:00'), dueTime: at('06:30') },
			}),
		];
		if (offset < 0) {
			// Past shifts: their employee tasks are done, started and finished by the employee.
			for (const task of tasks) {
				for (const employeeTask of fake.employeeTasksOf(task.id)) {
					const startedAt = task.options?.startTime ?? at('09:00');
					const endedAt = DateTime.fromISO(startedAt)
						.plus({ minutes: 10 })
						.toUTC()
						.toFormat(UTC_FORMAT);
					employeeTask.activity = {
						startedAt,
						endedAt,
						startedBy: employeeTask.employeeId,
						endedBy: employeeTask.employeeId,
						status: 2,
					};
				}
			}
		}
		if (offset === 3)
			fake.addShiftTask({
				shiftId: morning.id,
				taskId: cashUp.id,
				name: cashUp.name,
				description: 'Handover to the late shift.',
			});
	}
	fillVetPharmacy(fake);
}

/**
 * A veterinary practice's pharmacy beside the café, for the example that turns Oliver prescription refills
 * into shift tasks: the position "Pharmacy", one 08:00–18:00 shift a day, the master task "Prescription refill".
 */
export function fillVetPharmacy(fake: HumanityStore): void {
	const clinic = fake.addLocation({
		name: 'Riverside Vet Clinic',
		address: '4 River Road, Springfield',
	});
	const pharmacy = fake.addPosition({
		name: 'Pharmacy',
		locationId: clinic.id,
		color: '#6A1B9A',
	});
	const priya = fake.addEmployee({
		firstname: 'Priya',
		lastname: 'Shah',
		positionIds: [pharmacy.id],
		password: 'priya-password',
	});
	fake.addMasterTask({
		name: 'Prescription refill',
		description: 'Prepare and label the refill; call the owner.',
		positionIds: [pharmacy.id],
	});
	const today = fake.zoned().startOf('day');
	for (let offset = -3; offset <= 3; offset++) {
		const day = today.plus({ days: offset }).toFormat('yyyy-MM-dd');
		fake.addShift({
			start: `${day} 08:00`,
			end: `${day} 18:00`,
			positionId: pharmacy.id,
			employeeIds: [priya.id],
			title: 'Pharmacy counter',
		});
	}
}
