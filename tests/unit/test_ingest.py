"""ingest: files -> RawArticle. Every bad file is skipped with a reason naming it; nothing crashes."""

import codecs
import logging
import os
from pathlib import Path

import pytest

from briefing.ingest import (
    MAX_BYTES,
    clean_date,
    clean_url,
    decode,
    html_text,
    load_yaml,
    read_article,
    read_folder,
    read_html,
    read_md,
    read_sources_yaml,
    read_txt,
    shown,
    source_id_for,
)
from briefing.model import BriefingError, SourceMeta

ROOT = Path(__file__).resolve().parents[2]

BODY = ("The water board approved the new reservoir on Monday after a long debate, members said.\n"
        "Construction is expected to start in the autumn and last about three years, the board said.\n")


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def reasons(skipped) -> dict[str, str]:
    return {s.file: s.reason for s in skipped}


# --- decoding --------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, bom", [("utf-8-sig", b""), ("utf-16", b""), ("utf-32", b""),
                                           ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_text_with_a_byte_order_mark_is_decoded_exactly(encoding, bom):
    text = "Zoë’s café — “naïve” façade ✓"
    assert decode(bom + text.encode(encoding), "f.txt") == text


@pytest.mark.parametrize("text, encoding", [
    ("The café owner called the plan naïve, and the façade old. ", "latin-1"),
    ("He said “yes” — and left… it’s over, the clerk wrote. ", "cp1252"),
    ("El alcalde dijo que el puente se abrirá en primavera, según el señor Muñoz. ¿Qué? ", "latin-1"),
    ("Der Bürgermeister sagte, dass die Brücke im nächsten Frühjahr geöffnet wird. ", "cp1252"),
    ("Burmistrz powiedział, że most zostanie otwarty wiosną po długiej przerwie. ", "cp1250"),
    ("Мэр города заявил, что мост будет открыт для движения следующей весной. ", "cp1251"),
    ("Ο δήμαρχος δήλωσε ότι η γέφυρα θα ανοίξει την επόμενη άνοιξη. ", "cp1253"),
])
def test_legacy_encodings_are_detected_and_the_user_is_told(text, encoding, caplog):
    with caplog.at_level(logging.WARNING, "briefing"):
        assert decode((text * 3).encode(encoding), "old.txt") == text * 3
    assert "old.txt: not UTF-8; read as" in caplog.text


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)"),
    ("Plain UTF-16 without a mark".encode("utf-16-le"), "needs a byte-order mark"),
    (bytes(range(1, 32)) * 10 + b"some text", "binary file"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "bad utf-16 text"),  # a lone surrogate
])
def test_binary_and_broken_data_is_refused_naming_the_file(data, reason):
    with pytest.raises(BriefingError) as err:
        decode(data, "seeds/x.txt")
    assert str(err.value).startswith("seeds/x.txt: ") and reason in str(err.value)


# --- readers ---------------------------------------------------------------------------

def test_txt_date_line_is_blanked_not_cut():
    text, meta = read_txt(" date 2023-04-05 " + BODY, "a.txt")
    assert meta.date == "2023-04-05"
    assert len(text) == len(" date 2023-04-05 " + BODY) and text.strip().startswith("The water board")


def test_md_front_matter_is_read_and_blanked():
    raw = "---\ntitle: Reservoir approved\nauthor: Ann Lee\ndate: 2023-04-05\nurl: https://example.org/r\n---\n" + BODY
    text, meta = read_md(raw, "a.md")
    assert meta == SourceMeta(title="Reservoir approved", author="Ann Lee", date="2023-04-05",
                              url="https://example.org/r")
    assert len(text) == len(raw) and text.strip().startswith("The water board")


@pytest.mark.parametrize("front, message", [
    ("title: [unclosed\nauthor: x", "a.md: line 3: "),
    ("title: !!python/object/apply:os.system ['true']", "a.md: line 2: could not determine a constructor"),
    ("- a\n- list", "a.md: front matter is not a mapping"),
    ("a: " + "9" * 5000, "a.md: line 2: number too long"),
])
def test_malformed_front_matter_is_ignored_with_its_line_and_the_body_kept(front, message, caplog):
    raw = f"---\n{front}\n---\n{BODY}"
    with caplog.at_level(logging.WARNING, "briefing"):
        text, meta = read_md(raw, "a.md")
    assert meta == SourceMeta()
    assert message in caplog.text
    assert text.strip().startswith("The water board") and "---" not in text


def test_unclosed_front_matter_is_read_as_text_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, "briefing"):
        text, meta = read_md("---\ntitle: x\n" + BODY, "a.md")
    assert meta == SourceMeta() and "The water board" in text
    assert "a.md: front matter is not closed" in caplog.text


def test_front_matter_values_of_the_wrong_kind_are_dropped_one_by_one(caplog):
    raw = ("---\ntitle: {a: b}\nauthor: [x, y]\ndate: 2023-02-30\nurl: ftp://example.org/f\n"
           "publisher: Good Press\n---\n" + BODY)
    with caplog.at_level(logging.WARNING, "briefing"):
        _text, meta = read_md(raw, "a.md")
    assert meta == SourceMeta(publisher="Good Press")
    for field in ("title", "author", "date", "url"):
        assert f"ignoring {field}" in caplog.text


def test_html_scripts_styles_and_handlers_never_become_text():
    page = ("<html><head><title>Board &amp; reservoir</title><script>alert(1)</script>"
            "<style>p{color:red}</style></head><body onload='alert(2)'><!-- hidden -->"
            "<p>First <b>para</b>graph.</p><div>Second<br>line</div><script>evil()</script>"
            "<iframe src='x'>frame text</iframe><noscript>no js</noscript></body></html>")
    assert html_text(page) == "Board & reservoir\nFirst paragraph.\nSecond\nline"


def test_html_escaped_markup_stays_text_and_bad_urls_are_dropped(caplog):
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    page = ('<html><head><title>Reservoir</title><link rel="canonical" href="javascript:alert(1)">'
            f'</head><body><article>{paragraphs}<p>The board wrote &lt;script&gt;x&lt;/script&gt; in a note.</p>'
            '</article></body></html>')
    with caplog.at_level(logging.WARNING, "briefing"):
        text, meta = read_html(page, "p.html")
    assert "<script>x</script>" in text  # literal text now: render escapes it
    assert meta.url is None


def test_unparseable_html_gives_no_text_not_a_crash():
    assert html_text("") == ""
    assert html_text("<div>" * 50_000 + "deep" + "</div>" * 50_000) in ("", "deep")


# --- metadata values -------------------------------------------------------------------

@pytest.mark.parametrize("url", ["https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/A?b=c#d",
                                 "https://example.org/wiki/A_(b)", "https://[::1]:8080/x"])
def test_http_urls_with_a_host_are_kept(url):
    assert clean_url(url, "w") == url


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd",
    "ftp://example.org/f", "//example.org/x", "/relative/path", "https:no-host", "https://", "http:///x",
    'https://example.org/"onmouseover="x', "https://example.org/<script>", "https://exa mple.org",
    "https://example.org/\u202ex", "https://example.org:99999/", "https://[::1/", "https://example.org/`x`",
    "https://example.org/" + "a" * 3000, 12345, ["https://example.org"], {"a": "b"}, True,
])
def test_other_urls_are_dropped_with_a_warning(url, caplog):
    with caplog.at_level(logging.WARNING, "briefing"):
        assert clean_url(url, "sources.yaml: a.txt") is None
    assert "sources.yaml: a.txt: ignoring url" in caplog.text


@pytest.mark.parametrize("value, expected", [("2023-04-05", "2023-04-05"), ("2023-02-30", None), ("20230405", None),
                                             (20230405, None), ("2023-4-5", None), (["2023-04-05"], None),
                                             (True, None), ("2023-04-05T10:00", None)])
def test_dates_must_be_real_iso_days(value, expected):
    assert clean_date(value, "w") == expected


def test_yaml_keeps_dates_as_text_and_refuses_object_tags():
    assert load_yaml("a: 2023-04-05\nb: 2023-13-45") == {"a": "2023-04-05", "b": "2023-13-45"}
    with pytest.raises(Exception, match="constructor"):
        load_yaml("a: !!python/object/apply:os.system ['true']")


# --- sources.yaml ----------------------------------------------------------------------

@pytest.mark.parametrize("text, message", [
    ("a.txt:\n  publisher: [unclosed\n", "sources.yaml: line 3:"),
    ("a.txt:\n publisher: x\n  url: y\n", "sources.yaml: line 3: mapping values are not allowed here"),
    ("- a.txt\n- b.txt\n", "expected a mapping from file name to metadata"),
    ("a.txt: !!python/object/apply:os.system ['true']\n", "sources.yaml: line 1: could not determine a constructor"),
    ("a.txt:\n  n: " + "1" * 5000 + "\n", "sources.yaml: line 2: number too long"),
    ("a.txt: *missing\n", "sources.yaml: line 1: found undefined alias"),
    ("? [x, y]\n: {}\n", "sources.yaml: line 1: found unhashable key"),
])
def test_malformed_sources_yaml_is_an_error_naming_file_and_line(tmp_path, text, message):
    write(tmp_path, "sources.yaml", text)
    with pytest.raises(BriefingError, match=message.replace("[", r"\[").replace("(", r"\(")):
        read_sources_yaml(tmp_path)


def test_sources_yaml_not_utf8_names_the_byte(tmp_path):
    write(tmp_path, "sources.yaml", "a.txt:\n  publisher: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(BriefingError, match=r"sources.yaml: not UTF-8 text \(byte 23: "):
        read_sources_yaml(tmp_path)


def test_sources_yaml_bad_values_are_dropped_and_good_ones_kept(tmp_path, caplog):
    write(tmp_path, "sources.yaml", "a.txt:\n  publisher: Good Press\n  url: javascript:x\n  date: 2023-13-01\n"
                                    "b.txt: not a mapping\nc.txt:\n2024: {publisher: Year}\nnull: {}\n")
    with caplog.at_level(logging.WARNING, "briefing"):
        out = read_sources_yaml(tmp_path)
    assert out == {"a.txt": SourceMeta(publisher="Good Press"), "c.txt": SourceMeta(),
                   "2024": SourceMeta(publisher="Year")}
    assert "line 5: b.txt: expected a mapping" in caplog.text and "entry of type NoneType" in caplog.text


def test_billion_laughs_in_sources_yaml_stays_small(tmp_path, caplog):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    lines += ["doc.txt:", "  title: *a8", "  url: *a8", "  date: *a8"]
    write(tmp_path, "sources.yaml", "\n".join(lines) + "\n")
    with caplog.at_level(logging.WARNING, "briefing"):
        out = read_sources_yaml(tmp_path)
    assert out["doc.txt"] == SourceMeta()  # none of it was turned into text


def test_sources_yaml_symlinked_outside_is_refused(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write(tmp_path, "elsewhere.yaml", "a.txt: {}\n")
    (seeds / "sources.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(BriefingError, match=r"sources\.yaml: symlink points outside the seeds folder"):
        read_sources_yaml(seeds)


# --- the folder ------------------------------------------------------------------------

def test_a_folder_of_good_and_bad_files_reads_the_good_and_names_the_bad(tmp_path, caplog):
    seeds = tmp_path / "seeds"
    write(seeds, "good.txt", "Reservoir approved\n\n" + BODY)
    write(seeds, "sub/inner.md", "Inner story\n\n" + BODY)
    write(seeds, "empty.txt", b"")
    write(seeds, "blank.md", b"  \n\t\n")
    write(seeds, "bin.txt", b"\x00\x01\x02binary")
    write(seeds, "notes.pdf", b"%PDF-1.4")
    write(seeds, ".hidden.txt", BODY)
    write(seeds, ".git/config.txt", BODY)
    write(tmp_path, "outside.txt", "SECRET OUTSIDE TEXT\n" + BODY)
    (seeds / "link-out.txt").symlink_to(tmp_path / "outside.txt")
    (seeds / "link-dir").symlink_to(tmp_path)
    (seeds / "link-in.txt").symlink_to(seeds / "good.txt")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    (seeds / "dangling.txt").symlink_to(seeds / "missing.txt")
    os.mkfifo(seeds / "pipe.txt")  # reading it would block forever
    with caplog.at_level(logging.WARNING, "briefing"):
        articles, skipped = read_folder(seeds)
    assert [a.file for a in articles] == ["good.txt", "link-in.txt", "sub/inner.md"]
    assert all("SECRET" not in a.text for a in articles)
    assert reasons(skipped) == {
        "bin.txt": "binary file (NUL bytes), not article text (UTF-16 or UTF-32 text needs a byte-order mark)",
        "blank.md": "empty file",
        "dangling.txt": "cannot read (No such file or directory)",
        "empty.txt": "empty file",
        "link-dir": "symlink points outside the seeds folder",
        "link-out.txt": "symlink points outside the seeds folder",
        "loop.txt": "symlink loop",
        "notes.pdf": "not an article file (.txt, .html and .md are read)",
        "pipe.txt": "not a regular file",
    }
    for name in reasons(skipped):
        assert f"{seeds / name}" in caplog.text  # every warning names the file, with its folder


def test_too_large_files_are_not_read(tmp_path):
    seeds = tmp_path / "seeds"
    path = write(seeds, "huge.txt", b"")
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    write(seeds, "ok.txt", "Reservoir approved\n\n" + BODY)
    articles, skipped = read_folder(seeds)
    assert [a.file for a in articles] == ["ok.txt"]
    assert reasons(skipped)["huge.txt"].startswith("too large (20,000,001 bytes")
    with pytest.raises(BriefingError, match="too large"):
        read_article(seeds / "ok.txt", "ok.txt", max_bytes=10)


def test_hostile_file_names_cannot_forge_output_lines(tmp_path, caplog):
    seeds = tmp_path / "seeds"
    write(seeds, "evil\nwarning: all good.txt", b"")
    write(seeds, "\x1b[31mred.txt", b"")
    write(seeds, "<img src=x onerror=alert(1)>.txt", "Reservoir approved\n\n" + BODY)
    os.close(os.open(os.fsencode(seeds) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY))
    with caplog.at_level(logging.WARNING, "briefing"):
        articles, skipped = read_folder(seeds)
    assert [a.source_id for a in articles] == ["img-src-x-onerror-alert-1"]
    for record in caplog.records:
        assert "\n" not in record.getMessage() and "\x1b" not in record.getMessage()
    assert reasons(skipped) == {"\\x1b[31mred.txt": "empty file", "caf\\udce9.txt":
                                "file name is not valid UTF-8; rename the file",
                                "evil\\nwarning: all good.txt": "empty file"}


def test_ids_stay_unique_whatever_the_names(tmp_path):
    seeds = tmp_path / "seeds"
    for name in ("same.txt", "same.md", "same-txt.md", "Same.html", "---.txt", "___.md"):
        write(seeds, name, "Reservoir approved\n\n" + BODY)
    articles, _ = read_folder(seeds)
    ids = [a.source_id for a in articles]
    assert len(ids) == len(set(ids)) == 6
    assert ids == [a.source_id for a in read_folder(seeds)[0]]  # and the same on every run


def test_unknown_names_in_sources_yaml_are_warned_about(tmp_path, caplog):
    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", "Reservoir approved\n\n" + BODY)
    write(seeds, "sources.yaml", "a.txt:\n  publisher: P\n../../etc/passwd:\n  publisher: Q\n")
    with caplog.at_level(logging.WARNING, "briefing"):
        articles, _ = read_folder(seeds)
    assert articles[0].meta.publisher == "P"
    assert "entry '../../etc/passwd' names no article file" in caplog.text


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(BriefingError, match="no such folder"):
        read_folder(tmp_path / "nope")


def test_ids_and_shown_names():
    assert source_id_for("000_ab.txt") == "000-ab" and source_id_for("....txt") == "article"
    assert shown("a\nb\x1bc\u202ed") == "a\\nb\\x1bc\\u202ed" and shown("plain name.txt") == "plain name.txt"


def test_sources_yaml_warns_on_unknown_keys_and_wrong_types_naming_file_line_and_key(tmp_path, caplog):
    """A typo is not silently ignored: one line naming the file, the line and the key, as overrides.yaml does."""
    write(tmp_path, "sources.yaml", "# seeds\na.txt:\n  publsher: The Post\n  url: https://post.example/a\n"
                                    "b.txt:\n  title: [not, text]\n  date: {y: 2024}\n  Author: Jo\n"
                                    "c.txt: [a, list]\n")
    with caplog.at_level(logging.WARNING, "briefing"):
        out = read_sources_yaml(tmp_path)
    where = str(tmp_path / "sources.yaml")
    lines = caplog.text.splitlines()
    assert (f"{where}: line 3: a.txt.publsher: unknown key 'publsher' ignored "
            "(allowed: title, author, date, publisher, url)") in caplog.text
    assert f"{where}: line 8: b.txt.Author: unknown key 'Author' ignored" in caplog.text
    assert f"{where}: line 6: b.txt.title: expected text, got a list; ignored" in caplog.text
    assert f"{where}: line 7: b.txt.date: ignoring date: expected YYYY-MM-DD, got dict" in caplog.text
    assert (f"{where}: line 9: c.txt: expected a mapping of title, author, date, publisher, url, got a list; "
            "entry ignored") in caplog.text
    assert len([line for line in lines if "sources.yaml" in line]) == 5  # one line each, nothing else
    assert out["a.txt"] == SourceMeta(url="https://post.example/a")  # the typo set no publisher
    assert out["b.txt"] == SourceMeta()


def test_the_shipped_sources_yaml_reads_without_a_warning(caplog):
    with caplog.at_level(logging.WARNING, "briefing"):
        out = read_sources_yaml(ROOT / "seeds")
    assert len(out) == 5 and not caplog.records
