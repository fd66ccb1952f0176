export { decide, decideFor, aspiration, concede } from './decide';
export { playComputerGame, seatsAll, type PlayedGame } from './play';
export { PROFILES, type Profile } from './profile';
export { LocalTable } from './table';
export { explore, exploreOne, emptySummary, SCORE_BINS, type ExplorationSummary } from './explore';
