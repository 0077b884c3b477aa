/**
 * The baseline of the update benchmark: the same PUT /staff_tasks/{id} calls as the Oliver node, from a
 * plain Node loop, one after the other over one keep-alive connection. Run in its own process (like n8n)
 * so it does not share an event loop with the fake it calls.
 *
 *   node bench/plainHttpLoop.js <job.json>
 *   job: { apiUrl, token, locationId, updates: [{ id, title }] }  ->  prints { "ms": <elapsed> }
 */
const http = require('node:http');
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function put(id, title) {
	const body = JSON.stringify({ title });
	return new Promise((resolve, reject) => {
		const request = http.request(
			`${job.apiUrl}/staff_tasks/${encodeURIComponent(id)}`,
			{
				method: 'PUT',
				agent,
				headers: {
					accept: 'application/json',
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					authorization: `Bearer ${job.token}`,
					'x-client-id': job.locationId,
				},
			},
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => {
					// Read and parsed, as a client must, before the next call goes.
					const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
					if (response.statusCode !== 200 || answer.success !== true)
						reject(new Error(`PUT ${id}: ${response.statusCode}`));
					else resolve(answer.data);
				});
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}

(async () => {
	const start = performance.now();
	for (const { id, title } of job.updates) await put(id, title);
	process.stdout.write(JSON.stringify({ ms: performance.now() - start }));
	agent.destroy();
})().catch((error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
