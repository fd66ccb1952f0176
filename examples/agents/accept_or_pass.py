# A Buffer Zone agent in Python: accepts any package it may accept, otherwise passes.
# Run it with: npm run cli --silent -- simulate --level buffer-zone-talks --seed 1 \
#   --seat ukraine=agent:"python3 examples/agents/accept_or_pass.py"
import json
import sys


def send(intent):
    print(json.dumps(intent), flush=True)


for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "turn":
        legal = {move["type"] for move in message["legal"]}
        if "game.start" in legal:
            send({"type": "game.start"})
        elif "party.accept" in legal:
            send({"type": "party.accept", "note": "We can live with this."})
        else:
            send({"type": "party.pass"})
    elif message["type"] == "refused":
        send({"type": "party.pass"})  # message["reason"] says why; hold our position
    elif message["type"] == "end":
        print("accept_or_pass: the talks are over; my score", message["scores"][message["view"]["viewer"]], file=sys.stderr)
