"""A ZIP archive whose big entries were compressed while they were still being made.

`zipfile` compresses an entry in the thread that writes it, when it is written. A
year's report has ~500 MB of sheet XML: compressed at the end, the report would wait
seconds for it. Here an entry is a `DeflateSpool`: new bytes are compressed (raw
deflate, as ZIP stores it) as they come, by a worker thread (zlib lets go of the GIL
while it compresses, so the next rows are made meanwhile on the other core), and
pieces compressed long before (a day's closed cases, kept on its report page) are
spliced in as they are: a deflate stream may be cut wherever its compressor was
flushed to a byte boundary with its history dropped, and another compressor's output
put there (`add_compressed`; the CRC of the whole is combined from the pieces'). All
goes into an unnamed owner-only temporary file; `RawZip` then writes the archive
around the compressed data. Only what ZIP readers need is written: local
headers, the central directory and its end record (no ZIP64: an entry or the archive
past 4 GiB is refused with `ZipTooLarge`; Excel's row limit comes long before).
"""

from __future__ import annotations

import contextlib
import queue
import struct
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

LEVEL = 1  # a month's sheets compress to about the same size as at 6, in a third of the time
_LIMIT = 0xFFFFFFFF
_CHUNK = 1 << 20


class ZipTooLarge(Exception):
    """An entry or the archive would need ZIP64."""


class DeflateSpool:
    """One entry's bytes, compressed as they are fed; `close` ends the stream."""

    def __init__(self, name: str, folder: Path | None = None) -> None:
        self.name = name
        self.file: IO[bytes] = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self._z = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
        self.crc = 0
        self.size = 0
        self.compressed = 0
        self._fed = False

    def feed(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        self._put(self._z.compress(data))
        self._fed = True

    def add_compressed(self, packed: bytes, crc: int, size: int) -> None:
        """Splice in `size` bytes compressed elsewhere (`compress_piece`) with CRC `crc`."""
        if self._fed:  # end what is pending at a byte boundary, with no history kept
            self._put(self._z.flush(zlib.Z_FULL_FLUSH))
            self._fed = False
        self._put(packed)
        self.crc = crc_combine(self.crc, crc, size)
        self.size += size

    def close(self) -> None:
        self._put(self._z.flush(zlib.Z_FINISH))

    def _put(self, out: bytes) -> None:
        if out:
            self.file.write(out)
            self.compressed += len(out)

    def chunks(self) -> Iterator[bytes]:
        self.file.seek(0)
        while block := self.file.read(_CHUNK):
            yield block

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # unnamed: nothing is left behind either way
            self.file.close()


@dataclass(frozen=True)
class Piece:
    """Bytes compressed on their own, to be spliced into an entry: what they hold (its
    CRC-32 and length) and the compressed bytes."""

    packed: bytes
    crc: int
    size: int


def compress_piece(data: bytes) -> Piece:
    """`data` compressed on its own (ending on a byte boundary, not the stream's end)."""
    z = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return Piece(z.compress(data) + z.flush(zlib.Z_SYNC_FLUSH), zlib.crc32(data), len(data))


_ZEROS = bytes(_CHUNK)


def crc_combine(crc_a: int, crc_b: int, size_b: int) -> int:
    """The CRC-32 of A+B from A's, B's and B's length (zlib's crc32_combine, which Python
    does not offer): CRC-32 is affine in its starting value, so crc(B, start=a) equals
    crc(B) ^ crc(zeros, start=a) ^ crc(zeros) over as many zero bytes as B has."""
    a = crc_a
    z = 0
    left = size_b
    while left:
        block = memoryview(_ZEROS)[:min(left, _CHUNK)]
        a = zlib.crc32(block, a)
        z = zlib.crc32(block, z)
        left -= len(block)
    return crc_b ^ a ^ z


Batch = list["bytes | Piece"]  # bytes to compress, or a piece compressed before


class Compressor:
    """A worker thread feeding spools: `feed` hands a batch over and returns at once
    (but for a few batches in flight, so memory stays flat); `wait` returns when all
    is compressed and re-raises what failed there.

    Batches are large on purpose: the worker takes the GIL back after every zlib call,
    and while the report's thread runs Python that can take a switch interval (5 ms),
    so many small hand-overs would leave the worker waiting rather than compressing."""

    def __init__(self, in_flight: int = 4) -> None:
        self._jobs: queue.Queue[tuple[DeflateSpool, Batch] | None] = queue.Queue(in_flight)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="xlsx-deflate", daemon=True)
        self._thread.start()

    def feed(self, spool: DeflateSpool, batch: Batch) -> None:
        """Compress (bytes) or splice in (pieces) `batch` after everything handed before
        (once the worker failed, nothing more is done; `wait` says why)."""
        if self._error is None:
            self._jobs.put((spool, batch))

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._error is not None:
                continue
            spool, batch = job
            try:
                for item in batch:
                    if isinstance(item, Piece):
                        spool.add_compressed(item.packed, item.crc, item.size)
                    else:
                        spool.feed(item)
            except BaseException as exc:  # handed to the caller by `wait`
                self._error = exc

    def wait(self) -> None:
        self._jobs.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error


def _dos_time(when: time.struct_time) -> tuple[int, int]:
    year = max(when.tm_year, 1980)
    return ((when.tm_hour << 11) | (when.tm_min << 5) | (when.tm_sec // 2),
            ((year - 1980) << 9) | (when.tm_mon << 5) | when.tm_mday)


class RawZip:
    """Writes a ZIP archive to `target` entry by entry; `close` writes the directory."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.offset = 0
        self.central: list[bytes] = []
        self.dos = _dos_time(time.localtime())

    def add_bytes(self, name: str, data: bytes) -> None:
        z = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
        packed = z.compress(data) + z.flush()
        self._entry(name, zlib.crc32(data), len(data), len(packed), iter((packed,)))

    def add_spool(self, spool: DeflateSpool) -> None:
        self._entry(spool.name, spool.crc, spool.size, spool.compressed, spool.chunks())

    def _entry(self, name: str, crc: int, size: int, packed: int,
               chunks: Iterator[bytes]) -> None:
        if size > _LIMIT or packed > _LIMIT or self.offset > _LIMIT:
            raise ZipTooLarge(name)
        raw = name.encode("utf-8")
        dos_time, dos_date = self.dos
        fields = (20, 0x800, 8, dos_time, dos_date, crc, packed, size, len(raw))
        self._write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + raw)
        start = self.offset - 30 - len(raw)
        for block in chunks:
            self._write(block)
        self.central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0,
                                        0, 0, start) + raw)

    def _write(self, data: bytes) -> None:
        self.target.write(data)
        self.offset += len(data)

    def close(self) -> None:
        start = self.offset
        for record in self.central:
            self._write(record)
        if self.offset > _LIMIT:
            raise ZipTooLarge("directory")
        count = len(self.central)
        self._write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count,
                                self.offset - start, start, 0))
