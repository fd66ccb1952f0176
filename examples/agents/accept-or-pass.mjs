// A Buffer Zone agent in plain Node: accepts any package it may accept, otherwise passes.
// Run it with: npm run cli --silent -- simulate --level buffer-zone-talks --seed 1 \
//   --seat ukraine=agent:"node examples/agents/accept-or-pass.mjs"
import { createInterface } from 'node:readline';

const lines = createInterface({ input: process.stdin });
const send = (intent) => process.stdout.write(`${JSON.stringify(intent)}\n`);

for await (const line of lines) {
  const message = JSON.parse(line);
  if (message.type === 'turn') {
    const can = (type) => message.legal.some((move) => move.type === type);
    if (can('game.start')) send({ type: 'game.start' });
    else if (can('party.accept')) send({ type: 'party.accept', note: 'We can live with this.' });
    else send({ type: 'party.pass' });
  } else if (message.type === 'refused') {
    send({ type: 'party.pass' }); // our move was refused (message.reason says why): hold our position
  } else if (message.type === 'end') {
    process.stderr.write(`accept-or-pass: the talks are over; my score ${message.scores[message.view.viewer]}\n`);
  }
}
