/**
 * Plain-language names for file-system error codes (`ENOENT`, `EACCES`, …), so that a missing folder or a
 * full disk is reported as what it is, never as an internal error.
 *
 * @module
 */

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large for the file system",
  EROFS: "read-only file system",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EBUSY: "resource busy",
  EIO: "input/output error",
  EXDEV: "cannot move across file systems",
  EEXIST: "already exists",
  ENXIO: "no such device",
  ENODEV: "no such device",
  EAGAIN: "resource temporarily unavailable",
  ETXTBSY: "text file busy",
};

/** The error code of a Node.js file-system error, if `error` is one. */
export function errnoOf(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code) && !code.startsWith("E_") ? code : undefined;
}

/** True when `error` is a raw Node.js file-system (or other system call) error. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return errnoOf(error) !== undefined && typeof (error as { syscall?: unknown }).syscall === "string";
}

/** A short description of a file-system error: `"permission denied"`, or the error's own message. */
export function fsReason(error: unknown): string {
  const code = errnoOf(error);
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

/** What to do about a file-system error, for reading (`"read"`) or writing (`"write"`). */
export function fsHint(code: string | undefined, operation: "read" | "write"): string {
  switch (code) {
    case "ENOENT":
      return operation === "write"
        ? "create the folder first, or choose an output path in an existing folder"
        : "check the path (and its spelling)";
    case "ENOTDIR":
      return "check the path: one of its parts is a file, not a folder";
    case "EISDIR":
      return operation === "write" ? "give a file name, not a folder, as the output" : "pass a file, not a folder";
    case "EACCES":
    case "EPERM":
      return operation === "write"
        ? "choose a folder you may write to, or change its permissions"
        : "check the file's permissions (and those of the folders above it)";
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return "free some disk space, or write to another disk; nothing was written";
    case "EROFS":
      return "write to a file system that is not mounted read-only";
    case "EMFILE":
    case "ENFILE":
      return "close other programs or raise the open-file limit (ulimit -n), then try again";
    case "ELOOP":
      return "a symbolic link on the path points back to itself; fix or remove it";
    case "ENAMETOOLONG":
      return "use a shorter path";
    default:
      return operation === "write"
        ? "check the output path and that its disk is writable"
        : "check the path and that the file can be read";
  }
}
