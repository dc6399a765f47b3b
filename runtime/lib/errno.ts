// OS errors as C reports them: glibc strerror() text and errno numbers for Node's error codes,
// and luaL_fileresult's (nil, "name: message", errno) results.
import { constants } from "node:os";

const MESSAGES: Record<string, string> = {
  EPERM: "Operation not permitted", ENOENT: "No such file or directory", ESRCH: "No such process",
  EINTR: "Interrupted system call", EIO: "Input/output error", ENXIO: "No such device or address",
  E2BIG: "Argument list too long", ENOEXEC: "Exec format error", EBADF: "Bad file descriptor",
  ECHILD: "No child processes", EAGAIN: "Resource temporarily unavailable",
  ENOMEM: "Cannot allocate memory", EACCES: "Permission denied", EFAULT: "Bad address",
  EBUSY: "Device or resource busy", EEXIST: "File exists", EXDEV: "Invalid cross-device link",
  ENODEV: "No such device", ENOTDIR: "Not a directory", EISDIR: "Is a directory",
  EINVAL: "Invalid argument", ENFILE: "Too many open files in system", EMFILE: "Too many open files",
  ENOTTY: "Inappropriate ioctl for device", ETXTBSY: "Text file busy", EFBIG: "File too large",
  ENOSPC: "No space left on device", ESPIPE: "Illegal seek", EROFS: "Read-only file system",
  EMLINK: "Too many links", EPIPE: "Broken pipe", ERANGE: "Numerical result out of range",
  ENAMETOOLONG: "File name too long", ENOSYS: "Function not implemented",
  ENOTEMPTY: "Directory not empty", ELOOP: "Too many levels of symbolic links",
  EOVERFLOW: "Value too large for defined data type", ENOTSUP: "Operation not supported",
  EOPNOTSUPP: "Operation not supported", ETIMEDOUT: "Connection timed out",
  ECONNREFUSED: "Connection refused", EDQUOT: "Disk quota exceeded", ESTALE: "Stale file handle",
};

/** An OS error raised by this library itself (e.g. EBADF for reading a write-only file). */
export class OsError extends Error {
  code: string;
  constructor(code: string) {
    super(MESSAGES[code] ?? code);
    this.code = code;
  }
}

/** [message, errno] for an error thrown by a node:fs call; rethrows anything else. */
export function describe(e: unknown): [string, number] {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string" || !(e instanceof Error)) throw e;
  const errno = (constants.errno as Record<string, number>)[code] ?? Math.abs((e as NodeJS.ErrnoException).errno ?? 0);
  return [MESSAGES[code] ?? (e as NodeJS.ErrnoException).message, errno];
}

/** luaL_fileresult failure: nil, "[name: ]message", errno. */
export function failure(e: unknown, name?: string): unknown[] {
  const [msg, errno] = describe(e);
  return [undefined, name === undefined ? msg : `${name}: ${msg}`, errno];
}
