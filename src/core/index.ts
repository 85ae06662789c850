export * from './webvtt/index.js';
