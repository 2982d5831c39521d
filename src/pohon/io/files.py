"""Reading input files safely: regular files only, bounded in size, decoded to text.

A path may point (directly or through a symlink) at something that is not a file: a FIFO,
which blocks whoever opens it for reading until a writer comes; ``/dev/zero`` or
``/dev/urandom``, which never end; a socket. Such a path is refused before it is opened for
reading, and a FIFO is never opened in blocking mode. A regular file is read in chunks up to
:data:`MAX_BYTES`, so a file that grows while it is read also stops.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import Any

from pohon.findings.catalogue import display as _ribu
from pohon.findings.loading import ENCODING, UNREADABLE
from pohon.io.errors import LoadError, Problem


def _unreadable(message: str, message_en: str, **where: Any) -> Problem:
    """A problem that stops the file from being opened (PK001)."""
    return Problem(message, message_en, code=UNREADABLE.code, **where)


def _encoding(message: str, message_en: str, **where: Any) -> Problem:
    """Text that cannot be decoded (PK002)."""
    return Problem(message, message_en, code=ENCODING.code, **where)


MAX_BYTES = 256 * 1024 * 1024
"""Largest input file read (256 MiB); a Provinsi plan of 50,000 nodes is about 40 MiB."""

_CHUNK = 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "pipa bernama (FIFO)", "a named pipe (FIFO)"),
    (stat.S_ISCHR, "perangkat karakter (seperti /dev/zero)", "a character device (like /dev/zero)"),
    (stat.S_ISBLK, "perangkat blok (disk)", "a block device (a disk)"),
    (stat.S_ISSOCK, "soket", "a socket"),
)


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file, at most :data:`MAX_BYTES`. Raises :class:`LoadError`."""
    name = os.fspath(path)
    try:
        _refuse_special(name, os.stat(name))
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(name, flags)
        try:
            # The path may have been swapped between the stat and the open.
            info = os.fstat(fd)
            _refuse_special(name, info)
            chunks: list[bytes] = []
            total = 0
            while True:
                chunk = os.read(fd, min(_CHUNK, MAX_BYTES + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > MAX_BYTES:
                    raise _too_large(name, None)
        finally:
            os.close(fd)
    except OSError as exc:
        raise LoadError(name, [os_problem(exc)]) from None
    return b"".join(chunks)


def _refuse_special(name: str, info: os.stat_result) -> None:
    if stat.S_ISREG(info.st_mode):
        if info.st_size > MAX_BYTES:
            raise _too_large(name, info.st_size)
        return
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(name)
    kind_id, kind_en = "bukan berkas biasa", "not a regular file"
    for test, said_id, said_en in _KINDS:
        if test(info.st_mode):
            kind_id, kind_en = said_id, said_en
    target = ""
    if os.path.islink(name):
        target = os.path.realpath(name)
    via_id = f" (tautan simbolik ke {target})" if target else ""
    via_en = f" (a symbolic link to {target})" if target else ""
    raise LoadError(
        name,
        [
            _unreadable(
                f"bukan berkas biasa: ini {kind_id}{via_id}; pohon hanya membaca berkas biasa",
                f"not a regular file: this is {kind_en}{via_en}; pohon reads only regular files",
            )
        ],
    )


def _too_large(name: str, size: int | None) -> LoadError:
    if size is None:
        said_id = f"berkas terlalu besar (lebih dari {_ribu(MAX_BYTES)} byte terbaca)"
        said_en = f"file too large (more than {MAX_BYTES:,} bytes read)"
    else:
        said_id = f"berkas terlalu besar ({_ribu(size)} byte; paling besar {_ribu(MAX_BYTES)})"
        said_en = f"file too large ({size:,} bytes; at most {MAX_BYTES:,})"
    return LoadError(name, [_unreadable(said_id, said_en)])


_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("folder atau berkasnya tidak ada", "no such file or folder"),
    errno.EISDIR: ("ini folder, bukan berkas", "this is a folder, not a file"),
    errno.ENOTDIR: ("bagian jalurnya bukan folder", "part of the path is not a folder"),
    errno.EACCES: ("tidak ada izin", "permission denied"),
    errno.EPERM: ("tidak ada izin", "operation not permitted"),
    errno.ENOSPC: ("disk penuh", "no space left on the disk"),
    errno.EROFS: ("sistem berkasnya hanya-baca", "read-only file system"),
    errno.ENAMETOOLONG: ("nama berkas terlalu panjang", "file name too long"),
    errno.ELOOP: ("tautan simbolik berputar", "symbolic links in a loop"),
}


def os_reason(exc: OSError, lang: str) -> str:
    """Why an operating-system call failed, in short words of ``lang`` ("id" or "en").

    >>> os_reason(IsADirectoryError(errno.EISDIR, "Is a directory"), "id")
    'ini folder, bukan berkas'
    """
    said = _OS_REASONS.get(exc.errno or 0)
    if said is None:
        return exc.strerror or type(exc).__name__
    return said[1] if lang == "en" else said[0]


def os_problem(exc: OSError) -> Problem:
    """An operating-system error on an input file, said in Indonesian and English."""
    if isinstance(exc, FileNotFoundError):
        return _unreadable("berkas tidak ditemukan", "file not found")
    if isinstance(exc, IsADirectoryError):
        return _unreadable("ini folder, bukan berkas", "this is a folder, not a file")
    if isinstance(exc, PermissionError):
        return _unreadable("tidak ada izin membaca berkas", "no permission to read the file")
    if exc.errno == errno.ELOOP:
        return _unreadable(
            "tautan simbolik berputar (menunjuk ke dirinya sendiri lewat tautan lain)",
            "symbolic links in a loop (the link points back at itself)",
        )
    if exc.errno == errno.ENAMETOOLONG:
        return _unreadable("nama berkas terlalu panjang", "file name too long")
    return _unreadable(
        f"berkas tidak bisa dibaca ({exc.strerror})", f"cannot read file ({exc.strerror})"
    )


_UNICODE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_text(data: bytes, file: str | None) -> str:
    """Text of a file: UTF-8 (with or without BOM), or UTF-16/32 with or without BOM."""
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            # Excel and Notepad save "Unicode text" as UTF-16 with a byte-order mark.
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    if b"\x00" in data:
        # UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
        half = len(data) // 4
        for zeros, encoding in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
            if len(data) % 2 == 0 and zeros.count(0) > half:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
        raise binary_error(file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            file,
            [
                _encoding(
                    f"berkas bukan teks UTF-8 (byte {data[exc.start]:#04x}); simpan ulang sebagai UTF-8",
                    f"the file is not UTF-8 text (byte {data[exc.start]:#04x}); save it as UTF-8",
                    line=line,
                    column=column,
                )
            ],
        ) from None


def binary_error(file: str | None) -> LoadError:
    return LoadError(
        file,
        [
            _unreadable(
                "berkas biner, bukan teks YAML atau JSON (buku kerja Excel? beri nama "
                "berakhiran .xlsx agar dibaca sebagai templat pohon)",
                "binary file, not YAML or JSON text (an Excel workbook? name it with the "
                "suffix .xlsx so that it is read as a pohon template)",
            )
        ],
    )


SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
"""Workbooks: pohon cannot read them yet, and says so rather than passing over them."""


def is_spreadsheet(path: str) -> bool:
    return path.lower().endswith(SPREADSHEET_SUFFIXES)


def spreadsheet_error(file: str | None) -> LoadError:
    """An ``.xls`` or ``.ods`` workbook given as a plan: it must be saved as ``.xlsx``
    (PK001)."""
    return LoadError(
        file,
        [
            _unreadable(
                "buku kerja .xls atau .ods tidak dibaca pohon: buka di Excel atau LibreOffice "
                "dan simpan sebagai .xlsx (Buku Kerja Excel), lalu periksa berkas .xlsx itu",
                "an .xls or .ods workbook is not read by pohon: open it in Excel or "
                "LibreOffice and save it as .xlsx (Excel Workbook), then check that file",
            )
        ],
    )


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same file: through symlinks, hard links or ``..``."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
