/**
 * The few runtime APIs the aligner needs beyond ES2022 (WebAssembly, text
 * encoding), typed locally: `src/core` compiles without the DOM library, and
 * both browsers (window and Worker) and Node provide these globals.
 */

/** A compiled WebAssembly module (opaque here). */
export interface WasmModule {
  readonly __wasmModule?: never;
}
interface WasmInstance {
  exports: Record<string, unknown>;
}
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  compile(bytes: ArrayBuffer | Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: Record<string, Record<string, unknown>>): Promise<WasmInstance>;
}
interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new () => { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string };
}

const g = globalThis as unknown as { WebAssembly: WasmApi } & TextCodecs;
export const wasm: WasmApi = g.WebAssembly;
export const newEncoder = (): InstanceType<TextCodecs['TextEncoder']> => new g.TextEncoder();
export const newDecoder = (): InstanceType<TextCodecs['TextDecoder']> => new g.TextDecoder();
