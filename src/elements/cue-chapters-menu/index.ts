export { CueChaptersMenu } from './cue-chapters-menu.js';
