/**
 * The credentials the AI examples name, as `npm start` imports them and the AI tests use them: the bearer token
 * MCP clients send to the practice-tasks MCP server, and an OpenAI credential pointing at the scripted model.
 */
import type { ChatModelFake } from '../fakes/chatModel';
import type { N8nCredential } from '../e2e/harness/workflowBuilder';

/** What an MCP client must send to examples/practice-tasks-over-mcp.json: `Authorization: Bearer <token>`. */
export const MCP_CLIENT_CREDENTIAL: N8nCredential = {
	id: 'mcpClientsSandbox',
	name: 'MCP clients (sandbox)',
	type: 'httpBearerAuth',
	// A loopback sandbox's token, printed by `npm start` on purpose (like the sandbox owner's password).
	data: { token: 'taskbridge-sandbox-mcp-token' },
};

/** n8n's OpenAI credential with its Base URL on the scripted model (test/fakes/chatModel). */
export function chatModelCredential(fake: ChatModelFake): N8nCredential {
	return {
		id: 'chatModelSandbox',
		name: 'Scripted model (sandbox)',
		type: 'openAiApi',
		data: { apiKey: fake.apiKey, url: fake.baseUrl },
	};
}
