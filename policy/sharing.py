"""Where the data goes: outsourcing, provision to third parties, foreign handling, named parties.

The genre states these mostly as refusals with exceptions ("we do not provide ... except: (1) as
required by law, (2) when we outsource ..."). policy-scan.md counts only an affirmative statement as
third-party provision, so a negated or conditional sentence, and every item of an exception list,
is not one. Outsourcing, by contrast, is read from any non-negated mention (an exception item "when
we outsource handling" still tells the reader that the operator outsources). Foreign handling is
classified in foreign.py.
"""
from __future__ import annotations

import re
from dataclasses import replace

from policy import countries
from policy.evidence import Evidence
from policy.index import Index
from policy.lexicon import Lexicon
from policy.segment import SENTENCE_END, Segment

# a verb or noun of giving between a verb and the party found after it: the party is that later word's
_GIVING = re.compile(r"\b(provi(de|des|ded|ding|sion)|shar(e|es|ed|ing)|disclos(e|es|ed|ing|ure)|transfer\w*|sen(d|ds|ding|t))\b",
                     re.I)
# an item of an exception list that states a flow ("Applications: when you apply, we provide your name and career
# to the clinic.", 「応募時：…応募先の医院に対し、…を提供します。」) is an arrangement, not an abstract case
_ARRANGEMENT = re.compile(r"提供(します|いたします|しています|しております|されます)[。.]?\s*$"
                          r"|(^\W*|,\s*|[:：]\s*)(we|the company)\s+(will\s+)?(provide|share|disclose|send)s?\b", re.I)
_FOREIGN_RECIPIENT = re.compile(r"外国にある(第三者|事業者)|third[- ]part(y|ies) (located |based )?(in a foreign country|"
                                r"in foreign countries|abroad|outside (of )?japan)", re.I)
_CLOUD = re.compile(r"クラウド|サーバ|ホスティング|\bcloud\b|\bservers?\b|\bhosting\b", re.I)
_IF_CONSENT = re.compile(r"^\W*(if|once|should)\s+(you|the (customer|user|member|applicant|person))\s+(consent|agree)", re.I)
# 「国外にある第三者に提供し、又は、国外のサーバ等に保存し得る場合は」: the verb sits in a condition that closes after it
_JA_CONDITION_AFTER = re.compile(r"[^。]{0,30}?(する|した|し得る|しうる|される)(場合|際|とき)(は|に|には|、)")
_CLAUSES = re.compile(r"[;；]|\b(but|however|whereas)\b|。", re.I)
_CORP_EN = re.compile(
    r"(?<![A-Za-z0-9])((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|for)){0,6}),?\s+"
    r"(Inc\.|Incorporated|Co\.,\s*Ltd\.|Co\.\s*Ltd\.|Ltd\.|Limited|LLC|L\.L\.C\.|Corp\.|Corporation|K\.K\.|GmbH|"
    r"S\.A\.|B\.V\.|PLC|plc|Pte\.\s*Ltd\.|Pty\.?\s+Ltd\.?)")
_CORP_JA = re.compile(
    r"(?:株式会社|有限会社|合同会社)[\u30a0-\u30ffー\u4e00-\u9fffA-Za-z0-9・&＆]{1,20}"
    r"|[\u30a0-\u30ffー\u4e00-\u9fffA-Za-z0-9・&＆.]{1,20}(?:株式会社|有限会社|合同会社)")
_EXAMPLES = re.compile(r"\b(?:such as|for example|for instance|e\.g\.,?|including|like)\s+"
                       r"((?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})(?:(?:,\s*|\s+(?:or|and)\s+)"
                       r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})*)")
_EXAMPLE_SPLIT = re.compile(r",\s*|\s+(?:or|and)\s+")
_OWN = re.compile(r"hereinafter|以下[、]?「|\((the\s+)?[\"“](company|we|our)|\([\"“]we[\"”]|当社", re.I)
_TOPIC_OUTSOURCING = re.compile(r"outsourc|consign|entrust|service providers?|contractors?|vendors?|processors?|委託",
                                re.I)
_TOPIC_PROVISION = re.compile(r"third part|provision|shar|recipient|第三者|提供", re.I)
_PROVISION_HEADING = re.compile(r"third[- ]party provision|provision (of [\w ]+ )?to third|(disclosure|sharing) (\w+ )?(to|with) "
                                r"third|第三者(へ|に対する)?(の)?提供", re.I)
_SUFFIX = re.compile(r",?\s*(Inc\.|Incorporated|Co\.,\s*Ltd\.|Co\.\s*Ltd\.|Ltd\.|Limited|LLC|L\.L\.C\.|Corp\.|"
                     r"Corporation|K\.K\.|GmbH|PLC|plc|Pte\.\s*Ltd\.)$|^(株式会社|有限会社|合同会社)|(株式会社|有限会社|合同会社)$")


def normalize_party(name: str) -> str:
    """A comparison key for a company name: legal suffixes and case do not matter."""
    key = name.strip()
    for _ in range(2):
        key = _SUFFIX.sub("", key).strip()
    return re.sub(r"[\s.,]+", " ", key).strip().lower()


def outsourcing(segs: list[Segment], lex: Lexicon, ev: Evidence) -> bool:
    for seg in segs:
        if seg.heading or seg.flags & {"definition", "question"}:
            continue  # a heading "Outsourcing" is a topic; the sentences under it say what happens
        cleaned = lex.outsourcing_not.sub(lambda m: " " * len(m.group()), seg.text)
        if lex.outsourcing.search(cleaned) and not lex.outsourcing_negated.search(cleaned):
            ev.add("outsourcing", True, seg)
    return ev.has("outsourcing")


def _conditional(clause_text: str, verb_start: int, lex: Lexicon) -> bool:
    """'When providing X to a third party, we will ...': the verb sits in the opening condition."""
    if not lex.conditional.search(clause_text):
        return False
    if _IF_CONSENT.search(clause_text):  # "If you consent to this provision, we will send …": not yet a practice
        return True
    comma = re.search(r"[,、]", clause_text)
    return comma is None or verb_start < comma.start()


def _consignment(text: str, lex: Lexicon) -> bool:
    """A sentence whose recipient is a consignee gives data to someone who is not a third party (Art. 27(5)(i)):
    「委託先に提供します」, "service providers who help us operate". A mere
    mention of outsourcing beside a real recipient (「業務委託先及び他の医療機関への提供」) is not enough. Being a
    consignee and passing data back to the principal or where it directs (「委託元である市に報告します」, "on the
    customer's instructions") is not provision either, so the consignee forms that outsourcing() ignores
    count here. A negated cue ("we do not outsource") says nothing of the recipient."""
    if lex.outsourcing_not.search(text):  # a consignee, acting on its principal's instructions
        return True
    return bool(lex.provision_consignee.search(text)) and not lex.outsourcing_negated.search(text)


def affirmative_provision(seg: Segment, lex: Lexicon) -> bool:
    """Does this sentence say that the operator gives personal data to a third party (or uses it
    jointly with other companies)?"""
    if seg.heading or seg.flags & {"definition", "neg_collect", "question"} or lex.definition.search(seg.text) \
            or ("exception" in seg.flags and not _ARRANGEMENT.search(seg.text)):
        return False
    if "exception" in seg.flags:  # the item states a flow; read it as a sentence of its own
        seg = replace(seg, flags=seg.flags - {"exception"})
    text = seg.text
    joint = lex.provision_joint.search(text)
    if joint and not lex.provision_joint_negated.search(text) and not lex.exception.search(text) \
            and not _conditional(text, joint.start(), lex):
        return True
    if lex.provision_not.search(text) or _consignment(text, lex) or lex.provision_request.search(text):
        return False
    consented = lex.provision_consented.search(text)
    if consented and not lex.provision_negated.search(text) and not lex.provision_consented_not.search(text) \
            and not _conditional(text, consented.start(), lex):
        return True
    pos = 0
    bounds = [m.start() for m in _CLAUSES.finditer(text)] + [len(text)]
    for end in bounds:
        clause = text[pos:end]
        pos = end
        offset = pos - len(clause)
        if lex.provision_by_law.search(clause):
            continue  # an insurance claim the law requires: an exception, not provision
        for verb in lex.provision_verb.finditer(clause):
            if verb.start() > 0 and verb.group()[0].isupper():
                continue  # "... Providing Personal Information to a Third Party": a quoted title
            if lex.provision_not_before.search(clause, max(0, verb.start() - 100), verb.start()):
                continue
            obj = lex.provision_object.search(clause, verb.end(), min(len(clause), verb.end() + 160))
            if not obj or _GIVING.search(clause, verb.end(), obj.start()):
                continue  # no object, or it belongs to a later verb ("used for providing the Service … or provision to")
            if lex.provision_negated.search(clause, 0, verb.end()) or lex.exception.search(clause):
                break
            if _conditional(text, verb.start() + offset, lex):
                break
            return True
        direct = lex.provision_direct.search(clause)
        if direct and not lex.provision_negated.search(clause, 0, direct.end()) and not lex.exception.search(clause) \
                and not _conditional(text, direct.start() + offset, lex):
            return True
        receive = lex.provision_receive.search(clause)
        if receive and not lex.provision_negated.search(clause) and not lex.negated_collect.search(clause) \
                and not lex.exception.search(clause) and not _conditional(text, receive.start(), lex):
            return True
    ja = lex.provision_ja.search(text)
    # 「法令に基づく場合に限り」 is an exception; 「お申込みの会員の方に限り…提供し」 only narrows who
    if ja and not lex.provision_negated.search(text) and not lex.provision_by_law.search(text) \
            and not re.search("除き|除いて|(場合|とき|時)(に)?限(り|って)", text) \
            and not _conditional(text[:ja.end()], ja.start(), lex) and not _JA_CONDITION_AFTER.match(text, ja.end()):
        return True
    if lex.provision_label.search(text) and not lex.provision_negated.search(text):
        return True  # 「提供先：…」, "Items provided: …"
    lead_in = lex.provision_lead_in.search(text)
    if lead_in and _TOPIC_PROVISION.search(seg.section) and not _TOPIC_OUTSOURCING.search(seg.section) \
            and not lex.outsourcing.search(text) and not lex.provision_negated.search(text) \
            and not lex.exception.search(text) and not _conditional(text, lead_in.start(), lex):
        return True
    # an ad or analytics service listed (an item, not a sentence) under the provision heading ("3. Third-Party
    # Provision … - AdMob (Google LLC) — Ad delivery"): the policy files it as a recipient. A sentence about it
    # ("We use Google Analytics to …") may go on to deny that anything personal reaches it; an Art. 28 section
    # lists the operator's contractors abroad.
    if _PROVISION_HEADING.search(seg.section) and not lex.foreign.search(seg.section) \
            and not SENTENCE_END.search(text) and lex.recipient_service.search(text) \
            and not lex.provision_negated.search(text) and not lex.provision_not.search(text):
        return True
    # a purpose item in noun form (「他の医療機関等への情報提供」): the purpose list declares the provision; an
    # insurance claim counts only where the policy itself files it under provision (【他の事業者等への情報提供を伴う利用】)
    if "purpose" in seg.flags and lex.provision_ja_purpose.search(text) and not lex.provision_negated.search(text) \
            and not (lex.provision_by_law.search(text) and not _TOPIC_PROVISION.search(seg.section)):
        return True
    return False


def provided_sentences(segs: list[Segment], lex: Lexicon) -> set[int]:
    """The indices of sentences that provide data to a third party. An Art. 28 sentence (「外国にある事業者に提供する
    ことがあります」) whose section says the recipients are the operator's contractors or cloud (「当社が利用するクラウド
    サービスの運営事業者が外国に所在するため」) speaks of consignees abroad: foreign handling, not provision."""
    provided = {i for i, seg in enumerate(segs) if affirmative_provision(seg, lex)}
    for i in list(provided):
        seg = segs[i]
        if not _FOREIGN_RECIPIENT.search(seg.text):
            continue
        section = [s.text for s in segs if s.section == seg.section and s.parents == seg.parents and not s.heading]
        if any(lex.outsourcing.search(t) or _CLOUD.search(t) for t in section + [seg.section]):
            provided.discard(i)
    return provided


def provision(segs: list[Segment], lex: Lexicon, ev: Evidence, provided: set[int]) -> bool:
    """`provided`: the indices of affirmative-provision sentences (provided_sentences)."""
    for i in sorted(provided):
        ev.add("third_party_provision", True, segs[i])
    return ev.has("third_party_provision")


_BEFORE_OWN = re.compile(r"((?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*)\s*[(（]\s*((?i:hereinafter)|the [\"“]|[\"“])")


def _own_names(segs: list[Segment]) -> set[str]:
    """First words of the operator's own name ("Mecara LC (hereinafter ...)"), never a third party."""
    own = set()
    for seg in segs[:12]:
        if _OWN.search(seg.text):
            for m in list(_CORP_EN.finditer(seg.text)) + list(_CORP_JA.finditer(seg.text)) \
                    + list(_BEFORE_OWN.finditer(seg.text)):
                key = normalize_party(m.group(1) if m.re is _BEFORE_OWN else m.group())
                if key:
                    own.add(key.split()[0])
    return own


def parties(index: Index, lex: Lexicon, ev: Evidence, provided: set[int]) -> tuple[list[str], list[str]]:
    """(processors, recipients): named companies in outsourcing / provision context, and known tools.

    `provided` holds the indices of affirmative-provision sentences.
    """
    segs = index.segments
    own = _own_names(segs)
    found = {"processors": {}, "recipients": {}}

    def add(field: str, name: str, seg: Segment):
        key = normalize_party(name)
        if not key or key.split()[0] in own or any(key in k or k in key for k in found[field]):
            return
        found[field][key] = name
        ev.add(field, name, seg)

    corporate_hits: dict[int, list[re.Match]] = {}
    for pattern in (_CORP_EN, _CORP_JA):
        for i, hits in index.matches(pattern).items():
            corporate_hits.setdefault(i, []).extend(hits)
    service_hits = index.matches(lex.any_service)
    for i in sorted(set(corporate_hits) | set(service_hits)):
        seg = segs[i]
        if seg.flags & {"exception", "definition"} or lex.provision_negated.search(seg.text):
            continue
        cleaned = lex.outsourcing_not.sub(lambda m: " " * len(m.group()), seg.text)
        outsourcing_context = bool(lex.outsourcing.search(cleaned)) or bool(_TOPIC_OUTSOURCING.search(seg.section))
        provision_context = i in provided or (bool(_TOPIC_PROVISION.search(seg.section))
                                              and not _TOPIC_OUTSOURCING.search(seg.section))
        corporate = sorted(corporate_hits.get(i, []), key=lambda m: m.start())
        spans = [(m.start(), m.end()) for m in corporate]
        for m in service_hits.get(i, []):
            if any(a <= m.start() and m.end() <= b for a, b in spans):
                continue
            service = lex.service_by_name[m.group().lower()]
            add("processors" if service.role == "processor" else "recipients", service.name, seg)
        for m in corporate:
            name = m.group().strip()
            known = lex.any_service.search(name)
            if known:
                role = lex.service_by_name[known.group().lower()].role
                add("processors" if role == "processor" else "recipients", name, seg)
            elif outsourcing_context and not provision_context:
                add("processors", name, seg)
            elif provision_context:
                add("recipients", name, seg)
    # "we share booking details with the agency, for example Booking.com or Rakuten Travel"
    for i in sorted(provided):
        seg = segs[i]
        for m in _EXAMPLES.finditer(seg.text):
            for name in _EXAMPLE_SPLIT.split(m.group(1)):
                name = name.strip().rstrip(".")
                if len(name) > 2 and not countries.find(name):
                    add("recipients", name, seg)
    return list(found["processors"].values()), list(found["recipients"].values())
