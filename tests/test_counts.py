from newsledger.counts import counted


def test_one_takes_the_singular_and_every_other_count_the_plural() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(2, "new URL") == "2 new URLs"
    assert counted(1_234, "statement") == "1,234 statements"
    assert counted(3, "person", "people") == "3 people"
