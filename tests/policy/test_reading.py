"""How sentences are read: negation, exceptions, conditions, definitions, routes, domains, rights."""
from __future__ import annotations

import time
from pathlib import Path

from policy.scan import scan_text

CORPUS = Path(__file__).with_name("corpus")


def test_we_do_not_provide_except_is_not_provision():
    r = scan_text("Provision to third parties\nWe do not provide personal information to third parties "
                  "except in the following cases:\n- with your consent\n- when required by law\n"
                  "- when we provide personal data to our partners for a joint campaign\n")
    assert r["third_party_provision"] is False


def test_affirmative_sharing_is_provision_with_evidence():
    text = "We collect your e-mail address.\nWith your consent, we may share your e-mail address with our partners.\n"
    r = scan_text(text)
    assert r["third_party_provision"] is True
    [e] = [e for e in r["evidence"] if e["field"] == "third_party_provision"]
    assert e["text"] == "With your consent, we may share your e-mail address with our partners."


def test_conditional_and_restrictive_provision_are_not_practice():
    r = scan_text("When providing personal data to a third party in a foreign country, we will obtain consent.\n"
                  "We will only provide personal information to third parties after obtaining your consent.\n"
                  "You may request the cessation of provision to third parties.\n")
    assert r["third_party_provision"] is False
    assert "suspension_of_provision" in r["rights"]


def test_typed_recipients_joint_use_and_purpose_items_are_provision():
    assert scan_text("When you place an order, we provide the Shop with your name and shipping address.")[
        "third_party_provision"] is True
    assert scan_text("We jointly use your name and address with the group companies listed below.")[
        "third_party_provision"] is True
    assert scan_text("当社は、取得した個人データを当社の子会社と共同して利用します。")["third_party_provision"] is True
    assert scan_text("We do not jointly use personal data.")["third_party_provision"] is False
    r = scan_text("利用目的\n次の目的で利用します。\n・診療の提供\n・他の医療機関等への情報提供\n")
    assert r["third_party_provision"] is True
    assert scan_text("・第三者への提供の停止を求めることができます。")["third_party_provision"] is False


def test_japanese_provision_negated_and_affirmative():
    assert scan_text("当社は、法令に基づく場合を除き、本人の同意なく個人データを第三者に提供しません。")["third_party_provision"] is False
    assert scan_text("当社は、ご注文の商品を配送するため、提携先に氏名及び住所を提供します。")["third_party_provision"] is True
    assert scan_text("第三者に提供する場合には、あらかじめ本人の同意を得ます。")["third_party_provision"] is False


def test_we_do_not_collect_special_care():
    r = scan_text("We do not collect special care-required personal information.")
    assert r["special_care"] == "not_collected" and "special_care" not in r["categories"]
    assert scan_text("当社は、要配慮個人情報を取得しません。")["special_care"] == "not_collected"


def test_special_care_with_consent_is_declared():
    r = scan_text("病歴等の要配慮個人情報は、ご本人の同意を得て取得します。")
    assert r["special_care"] == "collected_with_consent" and "special_care" in r["categories"]
    # the consent may sit in the next sentence of the same paragraph
    r = scan_text("The form has an optional section where you can tell us of a medical condition. "
                  "We collect this information only with your explicit consent.")
    assert r["special_care"] == "collected_with_consent" and "special_care" in r["categories"]
    assert scan_text("We collect your name.")["special_care"] == "not_stated"


def test_special_care_refused_except_with_consent_is_not_collected():
    # an exception is not a practice, as for provision (blind set convention, spec's exception-list rule)
    for text in ("We will not acquire special care-required personal information except with your consent.",
                 "Sensitive information will not be acquired, used or provided, except where the Bank obtains "
                 "your consent.",
                 "要配慮個人情報は、法令に基づく場合及び本人の同意がある場合を除き、取得しません。"):
        r = scan_text(text)
        assert r["special_care"] == "not_collected" and "special_care" not in r["categories"], text


def test_a_purely_conditional_special_care_promise_declares_nothing():
    for text in ("要配慮個人情報を取得する場合は、あらかじめ本人の同意を得ます。",
                 "When acquiring special care-required personal information, we will acquire it only with consent.",
                 "If we need to collect sensitive information, we will obtain your consent first."):
        assert scan_text(text)["special_care"] == "not_stated", text
    # a condition on the person's action is not a condition on acquiring the data
    r = scan_text("When you book a table we record any food allergies you want the kitchen to know about.")
    assert "special_care" in r["categories"]


def test_a_negated_list_does_not_declare_its_items():
    r = scan_text("We do not collect any of the following information:\n• Your phone number\n• Your religion\n\n"
                  "We collect your e-mail address.\n")
    assert r["categories"] == ["email_address"]
    assert r["special_care"] == "not_collected"


def test_negation_after_the_mention_in_japanese():
    r = scan_text("当社は、クレジットカード番号を保持しません。当社は、メールアドレスを取得します。")
    assert r["categories"] == ["email_address"]


def test_a_definition_of_personal_information_declares_nothing():
    r = scan_text('"Personal information" means information such as name, date of birth and address that '
                  "identifies a specific individual.\n「個人情報」とは、氏名、生年月日、電話番号等により特定の個人を識別できる情報をいいます。\n")
    assert r["categories"] == []


def test_outsourcing_negation_and_public_body_consignees():
    assert scan_text("We do not outsource the handling of personal information.")["outsourcing"] is False
    assert scan_text("We may cooperate with a person entrusted by a national agency.")["outsourcing"] is False
    assert scan_text("国の機関又はその委託を受けた者に協力する場合")["outsourcing"] is False
    r = scan_text("We may outsource the handling of personal information to Stripe, Inc. for payments.")
    assert r["outsourcing"] is True and r["processors"] == ["Stripe, Inc."]


def test_being_a_consignee_or_banning_re_consignment_is_not_outsourcing():
    assert scan_text("当社は、市から委託を受けて個人情報を取り扱います。")["outsourcing"] is False
    assert scan_text("当社は、市の書面による承諾を得た場合を除き、業務を再委託しません。")["outsourcing"] is False
    assert scan_text("We do not re-consign the work to others without the prior written approval of the city.")[
        "outsourcing"] is False
    assert scan_text("We use contractors to operate our servers.")["outsourcing"] is True
    assert scan_text("Our sub-processors are listed in the table below.")["outsourcing"] is True


def test_foreign_routes_from_contracts_adequacy_and_denials():
    # "agreement" is not "agree": a data processing agreement is a contract, i.e. equivalent measures
    r = scan_text("Our sub-processors in the United States process customer data under data processing "
                  "agreements that require measures equivalent to the APPI.")
    assert (r["foreign_transfer"], r["countries"]) == ("equivalent_measures", ["US"])
    # adequacy wins over consent: an adequate country is not "a foreign country" for Art. 28
    r = scan_text("With your consent we provide your name to our partner in the United Kingdom. The United Kingdom "
                  "is a country recognised as having a system equivalent to Japan's.")
    assert r["foreign_transfer"] == "adequacy"
    # ... but not when the adequate countries are only excluded from a consent rule
    r = scan_text("外国（個人情報保護委員会規則で定める国を除く。）にある第三者に提供する場合には、あらかじめ本人の同意を得ます。")
    assert r["foreign_transfer"] == "consent"
    for text in ("なお、本校は、個人情報を日本国外に移転することはありません。",
                 "We prepare statutory records relating to overseas remittances.",
                 "Customer data is stored in data centers located in Japan."):
        assert scan_text(text)["foreign_transfer"] == "none_stated", text


def test_foreign_transfer_routes_and_countries():
    r = scan_text("With your consent, we transfer personal data to service providers in the United States "
                  "and Singapore.")
    assert (r["foreign_transfer"], r["countries"]) == ("consent", ["SG", "US"])
    r = scan_text("データは米国のサーバに保存されます。")
    assert (r["foreign_transfer"], r["countries"]) == ("mentioned_without_safeguards", ["US"])
    r = scan_text("The recipient in Vietnam has established a system that conforms to the standards prescribed "
                  "by the Personal Information Protection Commission Rules.")
    assert r["foreign_transfer"] == "equivalent_measures"
    r = scan_text("Our office in Ireland, a country in the EEA recognized as having an equivalent level of "
                  "protection, handles support requests.")
    assert (r["foreign_transfer"], r["countries"]) == ("adequacy", ["IE"])
    assert scan_text("We do not transfer personal data outside Japan.")["foreign_transfer"] == "none_stated"
    assert scan_text("Our office is in Tokyo, Japan.")["countries"] == []


def test_safeguard_domains_from_headings_and_prose():
    r = scan_text("組織的安全管理措置\n責任者を設置しています。\n技術的安全管理措置\nアクセス制御を実施しています。\n")
    assert [k for k, v in r["safeguards"].items() if v] == ["organizational", "technical"]
    r = scan_text("We provide regular training to employees. Documents are kept in lockable cabinets. "
                  "We use a firewall. When handling personal data in a foreign country, we understand its system "
                  "for the protection of personal information.")
    assert [k for k, v in r["safeguards"].items() if v] == ["personnel", "physical", "technical",
                                                            "external_environment"]


def test_generic_security_promises_claim_no_domain():
    r = scan_text("We take necessary and appropriate measures to prevent the leakage, loss or damage of "
                  "personal data. To authenticate users and provide the service.")
    assert not any(r["safeguards"].values())


def test_rights_need_a_request_or_a_list():
    r = scan_text("You may request disclosure, correction or deletion of your personal data.")
    assert r["rights"] == ["disclosure", "correction", "deletion"]
    assert scan_text("We delete personal data when it is no longer needed.")["rights"] == []
    assert scan_text("Disclosure is made when a court requests it.")["rights"] == []


def test_twenty_pages_in_well_under_a_second():
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md")))
    text = (text + "\n\n") * 5  # about 20 pages
    assert len(text) > 60_000
    start = time.perf_counter()
    scan_text(text)
    assert time.perf_counter() - start < 1.0
