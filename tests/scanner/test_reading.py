"""Reading files: size limits, binary data, encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

from scanner.reading import decode, read_bytes


def test_oversize_and_unreadable_files_get_a_reason(tmp_path: Path) -> None:
    big = tmp_path / "big.py"
    big.write_bytes(b"#" * 101)
    data, reason = read_bytes(big, max_size=100)
    assert data is None and reason is not None and "too large" in reason
    data, reason = read_bytes(tmp_path / "missing.py", max_size=100)
    assert data is None and reason is not None and reason.startswith("unreadable")


def test_binary_is_refused() -> None:
    assert decode(b"\x7fELF\0\0\x01", "c").skip == "binary (NUL bytes)"


def test_utf8_bom_and_utf16_decode() -> None:
    assert decode(codecs.BOM_UTF8 + "# café\n".encode(), "python").text == "# café\n"
    assert decode("// naïve\n".encode("utf-16"), "cpp").text == "// naïve\n"


def test_python_coding_cookie_is_honoured() -> None:
    source = "# -*- coding: latin-1 -*-\n# Müller et al. (2004)\n".encode("latin-1")
    decoded = decode(source, "python")
    assert decoded.text is not None and "Müller" in decoded.text and decoded.note is None


def test_a_few_bad_bytes_are_replaced_and_noted() -> None:
    source = b"// see arXiv:1706.03762 \xff\n" + b"int x;\n" * 50
    decoded = decode(source, "cpp")
    assert decoded.text is not None and "arXiv:1706.03762" in decoded.text
    assert decoded.note is not None and "1 byte(s) replaced" in decoded.note


def test_mostly_undecodable_text_is_skipped() -> None:
    decoded = decode("// Ünïcödé ßtrïng ".encode("cp1252") * 20, "cpp")
    assert decoded.text is None and decoded.skip is not None
    assert decoded.skip.startswith("undecodable")
