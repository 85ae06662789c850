// The demo page is a user of the library: it imports media-chrome and Cueline
// exactly as a publisher's page would.
import 'media-chrome';
import '../src/index.js';
