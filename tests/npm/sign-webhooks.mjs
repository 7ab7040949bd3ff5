// Signs webhook payloads with @octokit/webhooks-methods, GitHub's reference implementation, for GitGrader's tests.
// stdin:  a JSON array of {secret, payload, signature?}  (payload: the exact body text)
// stdout: a JSON array of {signature, verified}: sign(secret, payload), and verify(secret, payload, signature)
//         when a signature was given (null otherwise).
import { sign, verify } from "@octokit/webhooks-methods";

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}

const items = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const { secret, payload, signature } of items) {
  results.push({
    signature: await sign(secret, payload),
    verified: signature === undefined || signature === null ? null : await verify(secret, payload, signature),
  });
}

process.stdout.write(JSON.stringify(results));
