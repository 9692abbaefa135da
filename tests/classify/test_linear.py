"""The linear categoriser: rows of a document, and the memo of recent rows."""

from __future__ import annotations

import numpy as np

from classify.linear import LinearCategoriser

DOCUMENTS = [
    ("gropa", "rruga", "asfalt"),
    ("uje", "tubi", "rrjedh"),
    ("gropa", "trotuar", "rruga"),
    ("uje", "pusi", "tubi"),
]
TARGETS = ["rruget", "ujesjelles", "rruget", "ujesjelles"]


def _model() -> LinearCategoriser:
    return LinearCategoriser.fit(DOCUMENTS, TARGETS, labels=["rruget", "ujesjelles"])


def test_a_document_row_is_made_once_and_reused_for_the_same_document() -> None:
    model = _model()
    document = ("gropa", "rruga", "rruga", "e", "panjohur")
    first = model.sparse(document)
    assert model.sparse(document) is first  # the same document object: the memo answers
    equal_copy = tuple(list(document))
    again = model.sparse(equal_copy)
    assert again is not first  # another object with the same words is computed afresh...
    np.testing.assert_array_equal(again[0], first[0])  # ...to the same row
    np.testing.assert_allclose(again[1], first[1])
    assert model.vocabulary["rruga"] in first[0].tolist()
    assert np.isclose(float(first[1] @ first[1]), 1.0)  # unit length over known words


def test_the_memo_stays_small_and_predictions_do_not_change() -> None:
    model = _model()
    documents = [("gropa", f"fjala{i}") for i in range(50)]
    before = model.probabilities_of([model.sparse(d) for d in documents])
    assert len(model._recent) <= 8
    after = model.probabilities_of([model.sparse(d) for d in documents])
    assert before == after
    assert max(before[0], key=before[0].get) == "rruget"
