import type { EditorContext } from './actions.js';
import type { CueEditor } from './cue-editor.js';

/** The actions' view of a `<cue-editor>`: selection, time, options, and what to do with the media and the timeline. */
export function editorContext(el: CueEditor): EditorContext {
  return {
    history: el._history,
    playback: el._playback,
    get boundary() {
      return el._boundary;
    },
    set boundary(b: number) {
      el._boundary = b;
    },
    get cue() {
      return el._cue;
    },
    set cue(c: number) {
      el._cue = c;
    },
    get time() {
      // The media's own position: the clock's last frame can be a frame behind a tap.
      return el._video && !el._video.seeking ? el._video.currentTime : el._time;
    },
    get playing() {
      return !!el._video && !el._video.paused;
    },
    get tapped() {
      return el._tapped;
    },
    get ripple() {
      return el.ripple;
    },
    get linked() {
      return !el.unlinked;
    },
    get reactionTime() {
      return el.reactionTime;
    },
    get problems() {
      return el.problems;
    },
    get review() {
      return el._align.reviewInOrder;
    },
    confidence: (b) => el._align.confidence(b),
    seek: (t) => {
      if (el._video) el._video.currentTime = Math.max(0, t);
    },
    reveal: (t) => el._timeline?.reveal(t),
    zoom: (d) => el._timeline?.zoom(d),
    zoomAround: (t, half) => el._timeline?.setView(t - half, t + half),
    togglePlay: () => {
      const v = el._video;
      if (v) void (v.paused ? v.play().catch(() => {}) : v.pause());
    },
    announce: (text) => el.announce(text),
  };
}
