/**
 * Shapes of a parsed WebVTT file. Cue and region fields use the same names and
 * value types as the browser's `VTTCue` and `VTTRegion`, so a parsed cue can be
 * compared with (or turned into) a real `VTTCue` field by field.
 *
 * @see https://www.w3.org/TR/webvtt1/#webvtt-cue
 * @see https://www.w3.org/TR/webvtt1/#regions
 */

/** `VTTCue.vertical`: '' is horizontal. */
export type DirectionSetting = '' | 'rl' | 'lr';
/** `VTTCue.lineAlign`. */
export type LineAlignSetting = 'start' | 'center' | 'end';
/** `VTTCue.positionAlign`. */
export type PositionAlignSetting = 'line-left' | 'center' | 'line-right' | 'auto';
/** `VTTCue.align`. */
export type AlignSetting = 'start' | 'center' | 'end' | 'left' | 'right';
/** `VTTRegion.scroll`. */
export type ScrollSetting = '' | 'up';

/** A WebVTT region, with `VTTRegion`'s field names. Percentages are numbers 0-100. */
export interface WebVTTRegion {
  id: string;
  width: number;
  lines: number;
  regionAnchorX: number;
  regionAnchorY: number;
  viewportAnchorX: number;
  viewportAnchorY: number;
  scroll: ScrollSetting;
}

/** A WebVTT cue, with `VTTCue`'s field names and value types. Times in seconds. */
export interface WebVTTCue {
  id: string;
  startTime: number;
  endTime: number;
  /** Raw cue text (cue payload), markup included; parse it with `parseCueText`. */
  text: string;
  /** The region named by the cue's `region:` setting, or null. */
  region: WebVTTRegion | null;
  vertical: DirectionSetting;
  snapToLines: boolean;
  line: number | 'auto';
  lineAlign: LineAlignSetting;
  position: number | 'auto';
  positionAlign: PositionAlignSetting;
  size: number;
  align: AlignSetting;
  pauseOnExit: boolean;
}

/** A problem found while parsing. Lines and columns are 1-based. */
export interface WebVTTError {
  /** Stable machine-readable code, e.g. `bad-signature`, `bad-timestamp`, `bad-setting`. */
  code: string;
  /** Human-readable description naming the problem. */
  message: string;
  line: number;
  column: number;
  /** A fatal error means the file was rejected and has no cues. */
  fatal: boolean;
}

/** A `NOTE` comment block, kept so a serializer can write it back where it was. */
export interface WebVTTNote {
  /** Comment text after `NOTE` (without the `NOTE` keyword and its separator). */
  text: string;
  /** Number of cues that precede the note in the file. */
  beforeCue: number;
  /** True when the comment starts on the line after `NOTE` rather than on the `NOTE` line itself. */
  newline?: boolean;
}

/** A `STYLE` block (the CSS text). */
export interface WebVTTStyle {
  text: string;
}

/** The result of `parseWebVTT`. */
export interface WebVTTDocument {
  /** Text after `WEBVTT` on the signature line plus any header lines, as written ('' when none). */
  header: string;
  cues: WebVTTCue[];
  regions: WebVTTRegion[];
  styles: WebVTTStyle[];
  notes: WebVTTNote[];
  /** The first 200 problems (`MAX_KEPT_ERRORS`) found, in file order. */
  errors: WebVTTError[];
  /**
   * How many problems were found in all, `errors` included (a broken file can
   * have hundreds of thousands; only the first are kept). Absent means `errors.length`.
   */
  errorCount?: number;
}

/** A node of parsed cue text. @see https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules */
export type CueNode = CueTextNode | CueTimestampNode | CueElementNode;

export interface CueTextNode {
  type: 'text';
  /** Text with character references already decoded. */
  value: string;
}

export interface CueTimestampNode {
  type: 'timestamp';
  /** Seconds. */
  time: number;
}

export type CueElementName = 'c' | 'i' | 'b' | 'u' | 'ruby' | 'rt' | 'v' | 'lang';

export interface CueElementNode {
  type: CueElementName;
  classes: string[];
  /** `v`: the voice name; `lang`: the language tag; otherwise ''. */
  annotation: string;
  children: CueNode[];
}
