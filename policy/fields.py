"""What the policy says about data: categories, special care, safeguard domains, rights, language.

Each reader walks the segmented sentences and records evidence. The hard part is not finding the
words but knowing when they do not count: a definition of "personal information" lists example
identifiers, an exception clause lists what the operator does not normally do, and "we do not
collect ..." negates its list. Those rules live here, in one place, and are the same for English and
Japanese except for where the negation sits (before the verb in English, after it in Japanese).
"""
from __future__ import annotations

import re

from policy import countries
from policy.evidence import Evidence
from policy.lexicon import Lexicon
from policy.segment import Index, Segment

SAFEGUARD_KEYS = ("basic_policy", "rules", "organizational", "personnel", "physical", "technical",
                  "external_environment")
RIGHTS = ("disclosure", "correction", "deletion", "suspension_of_use", "suspension_of_provision",
          "purpose_notification")

_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_CLAUSE_BREAK = re.compile(r"[;:：]|\b(but|however|while|whereas)\b|。", re.I)
_JA_STOP = re.compile(r"[。（(]")
_LABEL = re.compile(r"(officer|manager|責任者|担当者?)\s*[:：]", re.I)


def language(text: str) -> str:
    """ja when Japanese script carries the text, else en (a few Japanese headings do not count)."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    return "ja" if cjk * 4 > latin else "en"


def mention_negated(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Is the mention at text[start:end] the object of a 'do not collect' (英: before, 日: after)?"""
    clause_start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = m.end()
    if lex.negated_collect.search(text, clause_start, start):
        return True
    tail_end = min(len(text), end + 30)
    stop = _JA_STOP.search(text, end, tail_end)
    return bool(lex.negated_collect_ja.search(text, end, stop.start() if stop else tail_end))


def _skipped(seg: Segment, lex: Lexicon) -> bool:
    return bool(seg.flags & {"definition", "exception", "table_header"}) or bool(lex.definition.search(seg.text))


def categories(index: Index, lex: Lexicon, ev: Evidence) -> set[str]:
    found: set[str] = set()
    segs = index.segments
    usable: dict[int, bool] = {}
    for cat in lex.categories:
        for i, hits in sorted(index.matches(cat.pattern).items()):
            seg = segs[i]
            if i not in usable:
                usable[i] = not _skipped(seg, lex) and "neg_collect" not in seg.flags
            if not usable[i] or (cat.skip and cat.skip.search(seg.text)):
                continue
            for m in hits:
                a, b = m.start() - seg.start, m.end() - seg.start
                if mention_negated(seg.text, a, b, lex):
                    continue
                found.add(cat.term)
                ev.add("categories", cat.term, seg)
                break
    return found


def special_care(segs: list[Segment], lex: Lexicon, ev: Evidence) -> tuple[str, bool]:
    """(status, holds special-care data?) — consent beats a flat 'we do not collect'."""
    statuses: set[str] = set()
    holds = False
    for seg in segs:
        if _skipped(seg, lex):
            continue
        text = lex.special_not.sub(lambda m: " " * len(m.group()), seg.text)
        cue = lex.special_cue.search(text)
        if not cue:
            continue
        negated = ("neg_collect" in seg.flags or mention_negated(text, cue.start(), cue.end(), lex)
                   or bool(lex.negated_collect.search(text)) and cue.start() > 0
                   and bool(lex.negated_collect.search(text, 0, cue.start())))
        if lex.special_consent.search(text):
            statuses.add("collected_with_consent")
            ev.add("special_care", "collected_with_consent", seg)
            ev.add("categories", "special_care", seg)
            holds = True
        elif negated:
            statuses.add("not_collected")
            ev.add("special_care", "not_collected", seg)
        elif lex.special_data.search(text):
            holds = True
            ev.add("categories", "special_care", seg)
    for status in ("collected_with_consent", "not_collected"):
        if status in statuses:
            if status == "collected_with_consent":
                ev.drop("special_care", "not_collected")
            return status, holds
    return "not_stated", holds


def _foreign_context(text: str, lex: Lexicon) -> bool:
    return bool(lex.foreign.search(text)) or any(code != "JP" for code, _, _ in countries.find(text))


def safeguards(index: Index, lex: Lexicon, ev: Evidence) -> dict[str, bool]:
    claimed = {key: False for key in SAFEGUARD_KEYS}
    segs = index.segments
    for key in SAFEGUARD_KEYS:
        for i in sorted(index.matches(lex.safeguards[key])):
            seg = segs[i]
            if seg.flags & {"purpose", "exception", "definition"}:
                continue
            if key == "organizational" and _LABEL.search(seg.text):
                continue
            if key == "external_environment" and not seg.heading and "外的環境" not in seg.text \
                    and "external environment" not in seg.text.lower() and not _foreign_context(seg.text, lex):
                continue
            claimed[key] = True
            ev.add("safeguards", key, seg)
    return claimed


def rights(segs: list[Segment], lex: Lexicon, ev: Evidence) -> list[str]:
    found: list[str] = []
    for seg in segs:
        if seg.flags & {"exception", "definition"}:
            continue
        hits = [r for r in RIGHTS if lex.rights[r].search(seg.text)]
        if not hits:
            continue
        # without a word of request, only a list of several rights names rights
        # ("Disclosure, Correction and Deletion" as a heading; "(correction, addition or deletion, ...)")
        if not lex.rights_context.search(seg.text) and len(hits) < (2 if seg.heading else 3):
            continue
        for right in hits:
            exclude = lex.rights_exclude.get(right)
            if exclude and exclude.search(seg.text):
                continue
            if right not in found:
                found.append(right)
            ev.add("rights", right, seg)
    return [r for r in RIGHTS if r in found]


def terms_of(text: str, lex: Lexicon) -> set[str]:
    """Vocabulary terms named anywhere in `text` (an inventory label or item list), no context rules.

    The inventory side of P01/P02: the same patterns as the scanner, so that "氏名、メールアドレス"
    in an inventory row and "name and e-mail address" in the policy meet on the same terms.
    """
    return {cat.term for cat in lex.categories if cat.pattern.search(text)}
