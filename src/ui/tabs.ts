/**
 * One game, one tab. The game in progress is saved in this browser after every move, so two tabs
 * playing it would overwrite each other's save without a word. The tab that opens the table last
 * claims the game (a BroadcastChannel message, or, where that is missing, a write to localStorage that
 * the other tabs see as a `storage` event); a tab that was playing it hears the claim, stops, and
 * says so, with a way to take the game back (which claims it in turn).
 */
const CHANNEL = 'buffer-zone.game-tabs';
const CLAIM_KEY = 'buffer-zone.game-claim.v1';

interface Claim {
  kind: 'claim';
  tab: string;
}

const tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
let channel: BroadcastChannel | null = null;
try {
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
} catch {
  channel = null;
}

/**
 * Claims the game for this tab. `onLost` runs once if another tab claims it afterwards. Returns the
 * function that stops listening (when the table closes).
 */
export function claimGame(onLost: () => void): () => void {
  let done = false;
  const lost = () => {
    if (done) return;
    done = true;
    release();
    onLost();
  };
  const onMessage = (e: MessageEvent) => {
    const data = e.data as Claim | null;
    if (data?.kind === 'claim' && data.tab !== tab) lost();
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key !== CLAIM_KEY || !e.newValue) return;
    try {
      if ((JSON.parse(e.newValue) as Claim).tab !== tab) lost();
    } catch {
      /* not a claim */
    }
  };
  const release = () => {
    channel?.removeEventListener('message', onMessage);
    window.removeEventListener('storage', onStorage);
  };
  channel?.addEventListener('message', onMessage);
  window.addEventListener('storage', onStorage);
  const claim: Claim = { kind: 'claim', tab };
  channel?.postMessage(claim);
  try {
    // A new value every time, so the other tabs get a storage event even for the same tab's claim.
    localStorage.setItem(CLAIM_KEY, JSON.stringify({ ...claim, at: Date.now() }));
  } catch {
    /* storage blocked: the channel alone tells the other tabs */
  }
  return () => {
    done = true;
    release();
  };
}
