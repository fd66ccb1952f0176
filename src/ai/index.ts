export { decide, decideFor, aspiration } from './decide';
export { playComputerGame, playGame, holdingMove, seatsAll, MAX_TRIES, type PlayedGame, type Player } from './play';
export { STRATEGIES, findStrategy, bestOwnPackage, type Strategy } from './strategies';
export { PROFILES, type Profile } from './profile';
export { LocalTable } from './table';
export { explore, exploreOne, emptySummary, SCORE_BINS, type ExplorationSummary } from './explore';
