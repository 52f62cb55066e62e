"""A stranger's attack on issue 21's generic rules (session of batch G): hostile shapes, each in small synthetic
HTML, that a rule read wrong."""

from synthetic import generic_entries as _entries

DEPARTMENTS = ["PUBLIC WORKS DEPARTMENT", "PARKS DEPARTMENT", "POLICE DEPARTMENT"]


def test_a_link_naming_a_kind_gives_its_line_not_the_lines_after_its_line_break():
    items = "".join(
        f"<li><a href='/doc/{i}'>{DEPARTMENTS[i % 3]}</a> - Annual budget {2000 + i}<br>12 March {2000 + i}</li>"
        for i in range(9)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"{DEPARTMENTS[i % 3]} - Annual budget {2000 + i}" for i in range(9)]
    assert [e["date_start"] for e in entries][:2] == ["2000-03-12", "2001-03-12"]
