"""Foreign handling (Art. 28): which route the policy claims, and which foreign countries it names.

A policy states foreign handling in a sentence that ties personal data to a place abroad: a recipient
located there, data stored or entrusted there. The route (adequacy, consent, equivalent measures) counts
when it is tied to that sentence: in the same clause as the country or the foreign cue, or in the next
sentence of the paragraph when that sentence points back at the recipient (当該事業者, "the contractor",
the recipient's own name, "that provision"). Two readings keep the business of the genre out:
- a foreign word with no handling of data ("visitors from overseas can pay with foreign cards", 外国籍の
  お客様の旅券番号, 海外渡航に必要な書類の作成) is no mention of foreign handling;
- a route word in another clause of a list sentence ("to arrange overseas ceremonies; … and, if you
  agree, to send you offers") is not the route of the foreign clause;
- a conditional promise (「外国にある第三者に提供する場合は、あらかじめ…同意を取得します」) describes no
  transfer: with no other sentence about data abroad, the policy states none.
A sentence that names a company abroad without data ("X Ltd. (Dhaka, Bangladesh) maintains the App") is held:
the next sentence of its paragraph that points back at it and handles data ("Its engineers can see member
data", 「同社の技術者は会員データにアクセスします」) makes it foreign handling; a denial there does not.
"""
from __future__ import annotations

import re

from policy import countries
from policy.evidence import Evidence
from policy.lexicon import Lexicon
from policy.segment import SENTENCE_END, Segment

# A destination recognised as having an equivalent regime is not "a foreign country" for Art. 28, so a
# consent stated beside adequacy wording is the ordinary Art. 27 consent: adequacy is the route. Between
# consent and equivalent measures, consent wins: the information given before consent (the recipient's
# measures, OECD principles, CBPR) does not turn a consent route into equivalent measures.
ROUTE_PRIORITY = ("adequacy", "consent", "equivalent_measures")
# "foreign countries (excluding those designated by the PPC)": an adequacy phrase inside an exclusion
_EXCLUDED = re.compile(r"[（(][^（）()]*(除く|除きます|excluding|other than|except)[^（）()]*[)）]"
                       r"|\b(excluding|other than|except( for)?)\b[^.,;]{0,120}", re.I)
# the clauses of a list sentence ("to plan …; to arrange overseas ceremonies; …")
_LIST_CLAUSES = re.compile(r"[;；]")
_GDPR = re.compile(r"\bGDPR\b|General Data Protection Regulation|European Commission|欧州委員会|EU一般データ保護規則")
_APPI = re.compile(r"\bAPPI\b|Act on the Protection of Personal Information|Article 28|Art\. ?28|個人情報(の)?保護(に関する)?法|第28条|"
                   r"Personal Information Protection Commission|個人情報保護委員会")
_WITHOUT_CONSENT = re.compile(r"\bwithout (first )?(obtaining )?(your |the person['’]s |the individual['’]s |their )?(prior |express |"
                              r"explicit )?(consent|agreement)|同意(を得|をいただか|をいただく)?(ず|ないで|なく|なしに|ることなく)", re.I)
_DENIAL = re.compile(r"\b(no|not|never|cannot|none)\b|n['’]t\b|ません|ない[。、]|(せ|さ)ず", re.I)
_CORP = re.compile(r"((?:[A-Z][\w&'’-]*\s+){0,3}[A-Z][\w&'’-]*),?\s+(?:Inc\.|Ltd\.|LLC|Corp\.|Corporation|"
                   r"Limited|GmbH|Pte\.|Co\.)|(?:株式会社|合同会社)([\u30a0-\u30ffー\u4e00-\u9fffA-Za-z]{2,12})"
                   r"|([\u30a0-\u30ffー\u4e00-\u9fffA-Za-z]{2,12})(?:株式会社|合同会社)")


def _names(text: str) -> set[str]:
    """First words of the companies a sentence names: a later sentence naming one again points back."""
    out = set()
    for m in _CORP.finditer(text):
        name = next(g for g in m.groups() if g)
        out.add(name.split()[0] if name[0].isascii() else name[:4])
    return {n for n in out if len(n) > 2 and n.lower() not in {"the", "our", "with", "this"}}


def _points_back(text: str, names: set[str], lex: Lexicon) -> bool:
    return bool(lex.foreign_anaphor.search(text)) or any(n in text for n in names)


def _tied(text: str, lex: Lexicon) -> str:
    """The part of a sentence the foreign cue or country belongs to: its clauses that speak of abroad."""
    parts = _LIST_CLAUSES.split(text)
    if len(parts) < 2:
        return text
    hit = [p for p in parts if lex.foreign.search(p) or any(c != "JP" for c, _, _ in countries.find(p))]
    return "；".join(hit) if hit else text


def _adequacy(text: str, lex: Lexicon) -> bool:
    """Adequacy wording outside an exclusion and not denied ("Canada is not a country designated by …")."""
    return bool(lex.routes["adequacy"].search(lex.foreign_not_adequate.sub(" ", _EXCLUDED.sub(" ", text))))


def _route(text: str, lex: Lexicon) -> str | None:
    agreed = lex.foreign_company_agrees.sub(" ", text)
    found = [r for r in ROUTE_PRIORITY if (_adequacy(text, lex) if r == "adequacy" else
                                           lex.routes[r].search(agreed if r == "consent" else text))]
    return found[0] if found else None


def _carried(seg: Segment, lex: Lexicon) -> str | None:
    """The route a follow-up sentence gives the foreign recipient of the sentence before it: the
    recipient's measures or status, or the person's consent (not "the contractor has agreed to …")."""
    text = seg.text
    if lex.foreign_negated.search(text) or "exception" in seg.flags:
        return None
    if _adequacy(text, lex):
        return "adequacy"
    if lex.routes["equivalent_measures"].search(text):
        return "equivalent_measures"
    if lex.foreign_person_consent.search(text):
        return "consent"
    return None


def _add_countries(codes: list[str], named: list[str], seg: Segment, ev: Evidence) -> None:
    for code in named:
        if code not in codes:
            codes.append(code)
        ev.add("countries", code, seg)


def foreign(segs: list[Segment], lex: Lexicon, ev: Evidence) -> tuple[str, list[str]]:
    """(foreign_transfer class, ISO codes of the foreign countries named)."""
    routes: set[str] = set()
    mentioned = False
    codes: list[str] = []
    previous: Segment | None = None  # the last sentence that spoke of foreign handling
    previous_names: set[str] = set()
    practice = False  # a sentence that is not a mere "if we provide abroad, we will …" promise
    concrete: set[int] = set()  # lines (list items) that name a foreign country where data is handled
    held: tuple[Segment, list[str], set[str]] | None = None  # a company abroad, no data handled (yet)
    for seg in segs:
        if seg.heading or seg.flags & {"definition", "question"}:
            continue
        text = lex.foreign_not.sub(lambda m: " " * len(m.group()), seg.text)
        named = [code for code, _, _ in countries.find(text) if code != "JP"]
        # a sentence under a "foreign countries" heading speaks of foreign handling; so does equivalent-measures
        # wording that cites Art. 28 itself ("a system that conforms to the standards prescribed under Article 28")
        cue = bool(lex.foreign.search(text)) or bool(lex.foreign.search(seg.section + " / " + seg.parents)) \
            or bool(lex.foreign_article.search(text) and lex.routes["equivalent_measures"].search(text))
        if not cue and not named:
            if held and held[0].line == seg.line and _points_back(text, held[2], lex) \
                    and lex.foreign_handling.search(text) and not _DENIAL.search(text):
                previous, previous_names, practice, mentioned = held[0], held[2], True, True
                _add_countries(codes, held[1], held[0], ev)
                ev.add("foreign_transfer", "mentioned_without_safeguards", held[0])
                held = None
            follows = previous is not None and previous.line == seg.line and _points_back(text, previous_names, lex)
            carried = _carried(seg, lex) if follows else None
            if carried:
                routes.add(carried)
                ev.add("foreign_transfer", carried, seg)
            continue
        if not named and len(text.strip()) <= 20 and not SENTENCE_END.search(text):
            continue  # a title line that is not marked as a heading (「第三者提供、国外移転、委託」)
        own_cue = bool(named) or bool(lex.foreign.search(text))
        if not own_cue and lex.foreign_domestic.search(text):
            continue  # 「国内のデータセンターに保管」 under a heading about provision abroad
        # in "Where we obtain your consent to provide data abroad, we give you …" the route is the condition, not a
        # claim; in 「外国にある第三者に提供する場合には、…基準に適合する体制を確認します」 it is the rule that applies
        condition = lex.foreign_conditional.search(text)
        tied = _tied(text[condition.end():] if condition else text, lex)
        route = _route(tied, lex)
        negated = bool(lex.foreign_negated.search(text))
        if route in ("equivalent_measures", "adequacy") and _GDPR.search(text) and not _APPI.search(text):
            route = None  # SCCs "as required by GDPR Chapter V" cover EU users' transfers, not Art. 28
        if negated and route == "consent" and _WITHOUT_CONSENT.search(text):
            route = None  # "We do not provide … (including those outside Japan) without your prior consent": a refusal
        if negated and route is None:
            continue
        if route == "adequacy" and not named and not re.search(r"countr|国|EEA|EU", text, re.I):
            route = None
        # a list item naming only a country under a heading "Provision to third parties in foreign countries";
        # any other sentence under that heading must itself say that data is handled
        handling = bool(lex.foreign_handling.search(text)) or bool(
            named and lex.foreign.search(seg.section) and lex.foreign_handling.search(seg.section))
        if route is None and not handling:
            held = (seg, named, _names(seg.text)) if named and not negated else None
            continue  # a foreign word with no data handled abroad: business, not foreign handling
        previous, previous_names, held = seg, _names(seg.text), None
        practice = practice or not (condition or negated)  # 「同意を得ないで…（国外にある者を含む）提供しません」
        if named and handling:
            concrete.add(seg.line)
        _add_countries(codes, named, seg, ev)
        # an exception-list item that names where the data goes is an arrangement, not an abstract
        # exception ("We do not outsource, except: … 2. our CRM runs at X Inc. in the US, which …")
        if route and ("exception" not in seg.flags or seg.line in concrete):
            routes.add(route)
            ev.add("foreign_transfer", route, seg)
        else:
            mentioned = True
            ev.add("foreign_transfer", "mentioned_without_safeguards", seg)
    if not practice:  # only conditional promises: no transfer is described (blind4/05)
        routes, mentioned, codes = set(), False, []
        ev.keep_only("countries", set())
    for route in ROUTE_PRIORITY:
        if route in routes:
            chosen = route
            break
    else:
        chosen = "mentioned_without_safeguards" if mentioned else "none_stated"
    ev.keep_only("foreign_transfer", {chosen})
    return chosen, sorted(codes)
