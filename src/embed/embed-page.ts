// The embed page's entry: builds the player from the page's query (see embed.ts).
import { mountEmbed } from './embed.js';

mountEmbed(document);
