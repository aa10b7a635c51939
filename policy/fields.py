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
from policy.index import Index
from policy.lexicon import Lexicon
from policy.segment import SENTENCE_END, Segment

SAFEGUARD_KEYS = ("basic_policy", "rules", "organizational", "personnel", "physical", "technical",
                  "external_environment")
RIGHTS = ("disclosure", "correction", "deletion", "suspension_of_use", "suspension_of_provision",
          "purpose_notification")

_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_CLAUSE_BREAK = re.compile(r"[;:：]|\b(but|however|while|whereas)\b|。", re.I)
_JA_SENTENCE_END = re.compile(r"[。]")
_JA_BRACKETS = re.compile(r"[（(][^（）()]*[)）]")
_JA_CLAUSE_END = re.compile(r"(?:し|して|り|ており|しており|き)、")
_SPECIAL_CLAUSES = re.compile(r"[;；]|\b(but|however|whereas)\b|。", re.I)
_LABEL = re.compile(r"(officer|manager|責任者|担当者?)\s*[:：]", re.I)
# a list of measures labelled by domain ("- Personnel: Operators sign …", 「人的：…」): the label claims the domain
_DOMAIN_LABEL = re.compile(
    r"^\W*(?:(basic polic(?:y|ies)|基本方針)|((?:handling )?rules|規律|規程)|(organi[sz]ation(?:al)?|組織的?)|"
    r"(personnel|human|人的)|(physical|物理的)|(technical|技術的)|(external environment|外的環境(?:の把握)?))"
    r"(?:\s*(?:safety|security)?\s*(?:measures?|safeguards?|controls?)|安全管理措置|措置)?\s*[:：]", re.I)


_DOMAIN_TITLE = re.compile(_DOMAIN_LABEL.pattern.removesuffix(r"\s*[:：]"), re.I)


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
    if _en_passive_negated(text, end, lex):
        return True
    return bool(lex.negated_collect_ja.search(_ja_tail(text, end)))


_EN_TAIL_STOP = re.compile(r"[,;:.。]|\b(but|however|whereas|while|which|that|who)\b", re.I)
_NEVER_REACH = re.compile(r"\s*(\w+\s+){0,4}?(never|do not|does not|don't|doesn't)\s+reach\b", re.I)
_AUX = re.compile(r"\b(is|are|was|were|will|shall|can)\b", re.I)


def _en_passive_negated(text: str, end: int, lex: Lexicon) -> bool:
    """'Your card number is entered on the agent's form and is never received or stored by us': the
    negation follows the mention, as the clause's first predicate or one joined by 'and' to it (the same
    subject); 'your name is collected and your card number is not stored' does not negate the name."""
    stop = _EN_TAIL_STOP.search(text, end)
    tail = text[end:stop.start() if stop else len(text)][:120]
    if _NEVER_REACH.match(tail):  # "payment details such as card numbers never reach us"
        return True
    first = _AUX.search(tail)
    if first is None:
        return False
    if lex.negated_collect_passive.match(tail, first.start()):
        return True
    return any(lex.negated_collect_passive.match(tail, m.end())
               for m in re.finditer(r"\band\s+", tail) if m.start() > first.start())


def _ja_tail(text: str, end: int) -> str:
    """The Japanese predicate that governs a mention ending at `end`: the rest of the sentence with
    bracketed asides dropped (「位置情報、連絡先（アドレス帳）及び写真へのアクセスを行いません」), cut where
    another predicate ends its clause (「…を取得し、…」), at most 40 characters."""
    stop = _JA_SENTENCE_END.search(text, end)
    tail = _JA_BRACKETS.sub("", text[end:stop.start() if stop else len(text)])
    return _JA_CLAUSE_END.split(tail, 1)[0][:40]


# the procedure for a rights request lists what the requester sends (「本人確認書類：運転免許証…の写し」, "the name
# and address you registered"): items checked once, not data the operator collects as a practice
_REQUEST_PROCEDURE = re.compile(r"(開示|訂正|利用停止|削除)等?の(ご)?(請求|求め|申出|お申し?出)(の)?(手続|方法|に際して)|(請求|申請|申出|お申し?出)"
                                r"(の)?(手続|方法)|本人確認(書類|の方法)|\b(procedures?|how) (for|to) (make |submit )?(a )?"
                                r"(requests?|disclosure)|\bverif\w+ (of )?(your )?identity\b", re.I)


def _skipped(seg: Segment, lex: Lexicon) -> bool:
    return bool(seg.flags & {"definition", "exception", "table_header", "question"}) or bool(lex.definition.search(seg.text)) \
        or bool(lex.not_personal.search(seg.text)) or bool(_REQUEST_PROCEDURE.search(seg.section))


def _request_identity(seg: Segment, lex: Lexicon, before: Segment | None = None) -> bool:
    """Identity verification for a rights request (「お申出の際には、ご本人確認のため、…運転免許証等の写しを
    同封してください」): the items named are checked, not collected as a practice. The request may be named
    in the sentence before ("Send your request to the desk. To verify your identity, enclose …")."""
    around = seg.text + ("\n" + before.text if before is not None else "")
    return bool(lex.request_identity.search(seg.text)) and bool(lex.request_word.search(around)) \
        and not lex.request_other.search(around)


def categories(index: Index, lex: Lexicon, ev: Evidence) -> set[str]:
    found: set[str] = set()
    segs = index.segments
    usable: dict[int, bool] = {}
    for cat in lex.categories:
        for i, hits in sorted(index.matches(cat.pattern).items()):
            seg = segs[i]
            if i not in usable:  # a question ("Do you keep my card number?") declares nothing
                usable[i] = not _skipped(seg, lex) and "neg_collect" not in seg.flags \
                    and not _request_identity(seg, lex, segs[i - 1] if i else None)
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


def _special_clause(text: str, at: int) -> tuple[int, int]:
    """Bounds of the clause of `text` around position `at` (split at ';', 'but', 'however', 。)."""
    start, end = 0, len(text)
    for m in _SPECIAL_CLAUSES.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return start, end




def _special_conditional(text: str, lex: Lexicon) -> bool:
    """A promise about a case that may not arise: 'If we acquire sensitive data, we will obtain consent',
    「要配慮個人情報を取得する場合は…同意を得ます」, 'we will obtain consent before collecting …'."""
    return bool(lex.special_conditional.search(text))


_COLLECTED = re.compile(r"取得する|収集する|お預かりする|取得情報|要配慮|\bsensitive\b|\binformation (we|that we) (collect|obtain|receive)|"
                        r"\b(collected|personal) information we (collect|hold)|\binformation collected\b", re.I)
# a pet's medical record describes the animal, not its owner (blind3 05)
_ANIMAL = re.compile(r"動物|ペット|\b(animals?|pets?|veterinar\w*)\b", re.I)


def special_care(segs: list[Segment], lex: Lexicon, ev: Evidence) -> tuple[str, bool]:
    """(status, holds special-care data?).

    Per sentence: a refusal ("we do not acquire … except with your consent", 「…を除き取得しません」)
    is not_collected, even with consent in its exception, as an exception list is not provision; a
    purely conditional promise ("if we acquire it, we will obtain consent") declares nothing; an
    acquisition with consent, in the sentence or in the next one of the same paragraph ("… a medical
    condition. We collect this information only with your consent."), is collected_with_consent; so is
    a refusal "in principle" whose next sentence names the practice it allows with consent
    (「原則として取得しません。ただし、…ご本人の同意を得たうえで…を取得し」), unlike bare boilerplate.
    Across sentences, consent beats a refusal (a policy that refuses some kinds and takes others).
    """
    statuses: set[str] = set()
    holds = False
    pending: Segment | None = None  # a sentence naming special-care data, not refused, no consent yet
    principle: Segment | None = None  # a refusal "in principle" (原則として取得しません)
    named: list[Segment] = []  # sentences naming special-care data taken, with no consent and no refusal
    for seg in segs:
        if _skipped(seg, lex):
            pending = None
            continue
        text = lex.special_not.sub(lambda m: " " * len(m.group()), seg.text)
        cue = lex.special_cue.search(text)
        if not cue:
            if principle is not None and principle.line == seg.line and lex.special_however.search(text) \
                    and lex.special_consent.search(text) and lex.special_acquire.search(text) \
                    and not lex.negated_collect.search(text) and not lex.negated_collect_ja.search(text) \
                    and not _special_conditional(text, lex):
                statuses.add("collected_with_consent")  # 「ただし、…ご本人の同意を得たうえで…を取得し」
                for where in (principle, seg):
                    ev.add("special_care", "collected_with_consent", where)
                    ev.add("categories", "special_care", where)
                holds = True
            principle = None
            # the next sentence of the paragraph pointing back, or the rest of a sentence wrapped onto the next
            # line (a table cell: 「…要配慮個人情報に該当する場合が／あるため、喪主様の同意をいただいたうえでお伺いし」)
            wrapped = pending is not None and not SENTENCE_END.search(pending.text)
            if pending is not None and (pending.line == seg.line or wrapped) and lex.special_consent.search(text) \
                    and lex.special_acquire.search(text) and (wrapped or lex.special_anaphor.search(text)
                                                              or _ZERO_OBJECT.search(text)) \
                    and not lex.negated_collect.search(text) and not _special_conditional(text, lex):
                statuses.add("collected_with_consent")
                for where in (pending, seg):
                    ev.add("special_care", "collected_with_consent", where)
                    ev.add("categories", "special_care", where)
                holds = True
            pending = None
            continue
        a, b = _special_clause(text, cue.start())
        negated = ("neg_collect" in seg.flags or mention_negated(text, cue.start(), cue.end(), lex)
                   or bool(lex.negated_collect.search(text, a, b))
                   or bool(lex.negated_collect_ja.search(text, cue.end(), b)))
        pending = None
        principle = seg if negated and lex.special_in_principle.search(text) else None
        if negated:
            statuses.add("not_collected")
            ev.add("special_care", "not_collected", seg)
        elif _special_conditional(text, lex):
            continue
        elif lex.special_consent.search(text, a, b):
            statuses.add("collected_with_consent")
            ev.add("special_care", "collected_with_consent", seg)
            ev.add("categories", "special_care", seg)
            holds = True
        else:
            pending = seg
            if lex.special_data.search(text):
                holds = True
                # taken: a verb of taking, a purpose of use, or an item under a heading of collected or special data
                if not _ANIMAL.search(text) and (lex.special_acquire.search(text) or "purpose" in seg.flags
                                                 or _COLLECTED.search(seg.section + " / " + seg.parents)):
                    named.append(seg)
                ev.add("categories", "special_care", seg)
    for status in ("collected_with_consent", "not_collected"):
        if status in statuses:
            if status == "collected_with_consent":
                ev.drop("special_care", "not_collected")
            return status, holds
    if named:  # the data is taken as a practice with no consent wording: handing it over is the consent (blind5 11)
        for seg in named:
            ev.add("special_care", "collected_with_consent", seg)
        return "collected_with_consent", holds
    return "not_stated", holds


def _foreign_context(text: str, lex: Lexicon) -> bool:
    return bool(lex.foreign.search(text)) or any(code != "JP" for code, _, _ in countries.find(text))


def _country_rules(text: str, lex: Lexicon) -> bool:
    """Every rules phrase belongs to a country ("Vietnam's personal data protection rules", "the rules that apply
    to our partner in Portugal"): its law, not the operator's internal rules."""
    spans = [(start, end) for code, start, end in countries.find(text) if code != "JP"]
    found = list(lex.safeguards["rules"].finditer(text))
    return bool(spans and found) and all(
        any(re.fullmatch(r"\s*['’]s\s+(\w+\s+){0,2}", text[end:m.start()]) for _, end in spans if end <= m.start())
        or (re.match(r"\s+(that|which) appl(y|ies) to\b", text[m.end():], re.I)
            and any(start >= m.end() for start, _ in spans))
        for m in found)


def _denial_only(index: Index, i: int, lex: Lexicon) -> bool:
    """A 外的環境の把握 heading over nothing but a denial of foreign handling (「外国において個人データを取り扱って
    いません」) names no measure: there is no foreign system to understand."""
    body = [seg for seg in index.segments[i + 1:i + 4] if not seg.heading and seg.section == index.segments[i].text]
    return bool(body) and all(lex.foreign_negated.search(seg.text) for seg in body)


_SAFETY = re.compile(r"安全管理|安全確保|安全対策|security|safety|safeguard", re.I)


# 「不正アクセス、紛失、漏えい等を防止します」: the harms every policy promises to prevent, no measure named
_HARMS = re.compile(r"紛失|漏洩|漏えい|毀損|き損|改ざん|滅失|破損|流出")
_POINTER = re.compile(r"ご覧(ください|いただけます)|ご参照|参照(ください|してください)|\b(see|refer to|available at)\b", re.I)


# a Japanese follow-up leaves its object out (「…は要配慮個人情報にあたります。ご本人の同意をいただいた場合にだけお預かり
# します。」): a verb of holding with no を-object of its own points back
_ZERO_OBJECT = re.compile(r"^(?!.*を(取得|収集|お預かり|取り?扱)).*[\u3040-\u309f].*(取得|収集|お預かり|取り?扱)")


# the harm a domain's cue can name instead of a measure (「不正アクセス…を防止」, 「紛失…防止」)
_HARM_WORDS = {"technical": "不正アクセス", "physical": "紛失"}


def _generic_harms(text: str, key: str, lex: Lexicon) -> bool:
    """「不正アクセス、紛失、改ざん等を防止するため、…措置を講じます」: the harms a measure is for, not a measure."""
    found = [m.group() for m in lex.safeguards[key].finditer(text)]
    word = _HARM_WORDS[key]
    return bool(found) and all(f.startswith(word) for f in found) and len(_HARMS.findall(text)) >= (2 if key == "physical" else 1)


# "appropriate technical and organizational safety management measures to prevent unauthorized access",
# 「組織的、人的、物理的及び技術的な安全管理措置を講じます」: the kinds of measure named in one breath, none described
_KINDS = r"(?:organi[sz]ational|technical|physical|personnel|human|administrative)"
_DOMAIN_NAMES = re.compile(rf"(?:{_KINDS}(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*))+{_KINDS}\s+"
                           r"(?:safety\s+|security\s+)?(?:management\s+)?(?:measures|safeguards|controls)"
                           r"|(?:(?:組織的|人的|物理的|技術的)(?:、|・|及び|および|並びに|ならびに)?){2,}(?:な|の)?(?:安全管理)?(?:措置|対策)", re.I)


def _named_only(text: str, lex: Lexicon) -> bool:
    named = _DOMAIN_NAMES.search(text)
    if not named:
        return False
    rest = text[:named.start()] + " " * (named.end() - named.start()) + text[named.end():]
    harms = tuple(_HARM_WORDS.values())
    return not any(not m.group().startswith(harms) for p in lex.safeguards.values() for m in p.finditer(rest))


def safeguards(index: Index, lex: Lexicon, ev: Evidence) -> dict[str, bool]:
    claimed = {key: False for key in SAFEGUARD_KEYS}
    segs = index.segments
    for key in SAFEGUARD_KEYS:
        for i in sorted(index.matches(lex.safeguards[key])):
            seg = segs[i]
            if seg.flags & {"purpose", "exception", "definition"} or lex.safeguard_others.search(seg.text):
                continue  # what rules bind other companies to do is not the operator's own measure
            if _named_only(seg.text, lex):
                continue
            if key in ("basic_policy", "rules") and i == 0 and seg.heading:
                continue  # the document's own title (「…に関する規程」, 個人情報保護方針) names the document only
            if key == "rules" and _country_rules(seg.text, lex):
                continue
            if key == "organizational" and _LABEL.search(seg.text):
                continue
            if key in _HARM_WORDS and _generic_harms(seg.text, key, lex):
                continue
            if key == "external_environment" and _POINTER.search(seg.text):
                continue  # 「…制度については、…の調査をご覧ください」: where to read about the regime, given for consent
            if key == "external_environment" and seg.heading and _denial_only(index, i, lex):
                continue
            if key == "external_environment" and not seg.heading and "外的環境" not in seg.text \
                    and not re.search(r"(external|foreign) environment", seg.text, re.I) and not _foreign_context(seg.text, lex):
                continue
            claimed[key] = True
            ev.add("safeguards", key, seg)
    for k, seg in enumerate(segs):
        # 「組織的措置」 alone on its line over the measures (a definition list or table of the four kinds)
        label = _DOMAIN_LABEL.match(seg.text) or (
            _DOMAIN_TITLE.fullmatch(seg.text.strip()) if k + 1 < len(segs) and _SAFETY.search(seg.section + " " + seg.parents)
            and not _DOMAIN_TITLE.fullmatch(segs[k + 1].text.strip()) else None)
        if label and not seg.flags & {"purpose", "exception", "definition"}:
            key = SAFEGUARD_KEYS[next(k for k, g in enumerate(label.groups()) if g)]
            claimed[key] = True
            ev.add("safeguards", key, seg)
    return claimed


def rights(segs: list[Segment], lex: Lexicon, ev: Evidence) -> list[str]:
    found: list[str] = []
    for seg in segs:
        if seg.flags & {"exception", "definition"} or lex.definition.search(seg.text):
            continue  # the 保有個人データ definition lists every right and grants none
        hits = [r for r in RIGHTS if lex.rights[r].search(seg.text)]
        if not hits:
            continue
        # without a word of request, only a list of several rights names rights
        # ("Disclosure, Correction and Deletion" as a heading; "(correction, addition or deletion, ...)")
        if "request" not in seg.flags and not lex.rights_context.search(seg.text) \
                and len(hits) < (2 if seg.heading else 3):
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
