export { CuePlayer } from './cue-player.js';
