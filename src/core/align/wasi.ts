/**
 * The least of WASI preview 1 a command-line program compiled to WASI needs
 * to run once in memory: arguments, a clock, stdout/stderr captured as text,
 * and files opened under one preopened directory kept in a `Map`. The same
 * code runs in a browser Worker and in Node (no `node:wasi`).
 */

import { newDecoder, newEncoder, wasm, type WasmMemory, type WasmModule } from './runtime.js';

const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_INVAL = 28;
const ERRNO_NOENT = 44;
const ERRNO_NOSYS = 52;

/** Thrown by `proc_exit` to unwind out of `_start`. */
class WasiExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

interface OpenFile {
  path: string;
  data: Uint8Array;
  size: number;
  pos: number;
}

/** What a run printed and wrote. */
export interface WasiRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Files written under the preopened directory, by path relative to it. */
  files: Map<string, Uint8Array>;
}

/**
 * Runs `module` (a WASI command) once with `args` (args[0] is the program
 * name). Files under `/work/` are kept in memory; `input` seeds files there.
 */
export async function runWasi(module: WasmModule, args: readonly string[], input: ReadonlyMap<string, Uint8Array> = new Map()): Promise<WasiRun> {
  const enc = newEncoder();
  const dec = newDecoder();
  let memory: WasmMemory | null = null;
  const view = (): DataView => new DataView(memory!.buffer);
  const bytes = (): Uint8Array => new Uint8Array(memory!.buffer);
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, Uint8Array>(input);
  const fds = new Map<number, OpenFile>();
  let nextFd = 4;
  const PREOPEN = 3;
  const DIR = '/work';
  const argBytes = args.map((a) => enc.encode(`${a}\0`));

  const writeTo = (fd: number, chunk: Uint8Array): number => {
    if (fd === 1) out.push(dec.decode(chunk, { stream: true }));
    else if (fd === 2) err.push(dec.decode(chunk, { stream: true }));
    else {
      const f = fds.get(fd);
      if (!f) return -1;
      const need = f.pos + chunk.length;
      if (need > f.data.length) {
        const grown = new Uint8Array(Math.max(need, f.data.length * 2, 1 << 16));
        grown.set(f.data.subarray(0, f.size));
        f.data = grown;
      }
      f.data.set(chunk, f.pos);
      f.pos = need;
      f.size = Math.max(f.size, need);
    }
    return chunk.length;
  };

  const imports = {
    args_sizes_get(countPtr: number, sizePtr: number): number {
      view().setUint32(countPtr, argBytes.length, true);
      view().setUint32(sizePtr, argBytes.reduce((s, a) => s + a.length, 0), true);
      return ERRNO_SUCCESS;
    },
    args_get(argvPtr: number, bufPtr: number): number {
      let at = bufPtr;
      argBytes.forEach((a, i) => {
        view().setUint32(argvPtr + 4 * i, at, true);
        bytes().set(a, at);
        at += a.length;
      });
      return ERRNO_SUCCESS;
    },
    environ_sizes_get(countPtr: number, sizePtr: number): number {
      view().setUint32(countPtr, 0, true);
      view().setUint32(sizePtr, 0, true);
      return ERRNO_SUCCESS;
    },
    environ_get(): number {
      return ERRNO_SUCCESS;
    },
    clock_time_get(_id: number, _precision: bigint, timePtr: number): number {
      view().setBigUint64(timePtr, BigInt(Math.round(Date.now() * 1e6)), true);
      return ERRNO_SUCCESS;
    },
    fd_fdstat_get(fd: number, statPtr: number): number {
      // filetype: 2 character device (stdio), 3 directory, 4 regular file.
      const type = fd <= 2 ? 2 : fd === PREOPEN ? 3 : fds.has(fd) ? 4 : -1;
      if (type < 0) return ERRNO_BADF;
      const v = view();
      v.setUint8(statPtr, type);
      v.setUint16(statPtr + 2, 0, true);
      v.setBigUint64(statPtr + 8, 0xffffffffn, true);
      v.setBigUint64(statPtr + 16, 0xffffffffn, true);
      return ERRNO_SUCCESS;
    },
    fd_fdstat_set_flags(): number {
      return ERRNO_SUCCESS;
    },
    fd_prestat_get(fd: number, ptr: number): number {
      if (fd !== PREOPEN) return ERRNO_BADF;
      view().setUint8(ptr, 0);
      view().setUint32(ptr + 4, enc.encode(DIR).length, true);
      return ERRNO_SUCCESS;
    },
    fd_prestat_dir_name(fd: number, ptr: number, len: number): number {
      if (fd !== PREOPEN) return ERRNO_BADF;
      bytes().set(enc.encode(DIR).subarray(0, len), ptr);
      return ERRNO_SUCCESS;
    },
    path_open(dirFd: number, _dirflags: number, pathPtr: number, pathLen: number, oflags: number, _rb: bigint, _ri: bigint, _fdflags: number, fdPtr: number): number {
      if (dirFd !== PREOPEN) return ERRNO_BADF;
      const path = dec.decode(bytes().slice(pathPtr, pathPtr + pathLen)).replace(/^\.\//, '');
      const create = (oflags & 1) !== 0;
      const truncate = (oflags & 8) !== 0;
      const existing = files.get(path);
      if (!existing && !create) return ERRNO_NOENT;
      const data = truncate || !existing ? new Uint8Array(0) : existing.slice();
      const fd = nextFd++;
      fds.set(fd, { path, data, size: data.length, pos: 0 });
      view().setUint32(fdPtr, fd, true);
      return ERRNO_SUCCESS;
    },
    fd_write(fd: number, iovs: number, count: number, writtenPtr: number): number {
      let total = 0;
      for (let i = 0; i < count; i++) {
        const ptr = view().getUint32(iovs + 8 * i, true);
        const len = view().getUint32(iovs + 8 * i + 4, true);
        const n = writeTo(fd, bytes().slice(ptr, ptr + len));
        if (n < 0) return ERRNO_BADF;
        total += n;
      }
      view().setUint32(writtenPtr, total, true);
      return ERRNO_SUCCESS;
    },
    fd_read(fd: number, iovs: number, count: number, readPtr: number): number {
      const f = fds.get(fd);
      if (fd === 0) {
        view().setUint32(readPtr, 0, true);
        return ERRNO_SUCCESS;
      }
      if (!f) return ERRNO_BADF;
      let total = 0;
      for (let i = 0; i < count; i++) {
        const ptr = view().getUint32(iovs + 8 * i, true);
        const len = view().getUint32(iovs + 8 * i + 4, true);
        const n = Math.max(0, Math.min(len, f.size - f.pos));
        bytes().set(f.data.subarray(f.pos, f.pos + n), ptr);
        f.pos += n;
        total += n;
      }
      view().setUint32(readPtr, total, true);
      return ERRNO_SUCCESS;
    },
    fd_seek(fd: number, offset: bigint, whence: number, newPtr: number): number {
      const f = fds.get(fd);
      if (!f) return fd <= 2 ? ERRNO_NOSYS : ERRNO_BADF;
      const base = whence === 0 ? 0 : whence === 1 ? f.pos : f.size;
      const pos = base + Number(offset);
      if (pos < 0) return ERRNO_INVAL;
      f.pos = pos;
      view().setBigUint64(newPtr, BigInt(pos), true);
      return ERRNO_SUCCESS;
    },
    fd_close(fd: number): number {
      const f = fds.get(fd);
      if (f) {
        files.set(f.path, f.data.slice(0, f.size));
        fds.delete(fd);
      }
      return ERRNO_SUCCESS;
    },
    proc_exit(code: number): never {
      throw new WasiExit(code);
    },
  };
  const wasi = new Proxy(imports as Record<string, unknown>, {
    get: (target, name: string) => target[name] ?? (() => ERRNO_NOSYS),
  });
  const instance = await wasm.instantiate(module, { wasi_snapshot_preview1: wasi });
  memory = instance.exports['memory'] as WasmMemory;
  let exitCode = 0;
  try {
    (instance.exports['_start'] as () => void)();
  } catch (e) {
    if (e instanceof WasiExit) exitCode = e.code;
    else throw e;
  }
  for (const f of fds.values()) files.set(f.path, f.data.slice(0, f.size));
  return { exitCode, stdout: out.join('') + dec.decode(), stderr: err.join(''), files };
}
