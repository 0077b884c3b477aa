/**
 * What the scripted model does in the `npm start` sandbox, where no real model is at hand: it answers the
 * question of examples/practice-tasks-agent.json ("Which Oliver staff tasks are still pending?") the way a
 * model would, by calling the Oliver list tool and then naming what it returned. Any other question gets an
 * answer saying that this model is scripted. A real model is one credential away (the README says how).
 */
import { lastUserText, toolResults, type ChatScript } from './index';

const LIST_TOOL = 'oliver_list_staff_tasks';

export const sandboxScript: ChatScript = (request) => {
	const offered = (request.tools ?? []).some((tool) => tool.function.name === LIST_TOOL);
	const [result] = toolResults(request);
	if (!result) {
		if (offered && /pending/i.test(lastUserText(request)))
			return { toolCalls: [{ name: LIST_TOOL, arguments: { status: 'pending' } }] };
		return {
			content:
				'I am the sandbox’s scripted model: I only know how to answer "Which Oliver staff tasks are still pending?". ' +
				'Give the OpenAI Chat Model node a real OpenAI credential to ask anything else.',
		};
	}
	return { content: summary(result.content) };
};

/** The tool's answer in a sentence: the tasks' titles and IDs, or the error it reported. */
function summary(content: string): string {
	let items: Array<Record<string, unknown>>;
	try {
		items = JSON.parse(content) as Array<Record<string, unknown>>;
	} catch {
		return `The Oliver tool answered: ${content}`;
	}
	const failed = items.find((item) => typeof item.error === 'string');
	if (failed) return `I could not read the tasks: ${String(failed.error)}`;
	if (!items.length) return 'No Oliver staff task is pending.';
	const listed = items.map((item) => `${String(item.title)} (${String(item.id)})`);
	return `${items.length} Oliver staff tasks are pending: ${listed.join('; ')}.`;
}
